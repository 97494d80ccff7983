package dev.parley.interfaces.console;

import dev.parley.application.FederationOverview;
import dev.parley.domain.model.settings.SettingsSnapshot;

/** What federation does now, in one sentence for an administrator, as the pages show it on top. */
final class EngineStatusText {

    private EngineStatusText() {
    }

    static String describe(FederationOverview overview, SettingsSnapshot settings) {
        FederationOverview.ProxyLink link = overview.proxyLink();
        if (link != null) {
            return link.up()
                    ? "XMPP Proxy mode: Parley opens no S2S port; it federates for " + String.join(", ",
                            overview.localDomains()) + " through the proxy at " + link.endpoint() + ", linked since "
                            + link.since() + "."
                    : "XMPP Proxy mode: the link to the proxy at " + link.endpoint() + " is down"
                            + (link.problem() == null ? "" : " (" + link.problem() + ")")
                            + (link.nextAttempt() == null ? "" : "; next attempt at " + link.nextAttempt())
                            + ". " + waiting(link.waiting()) + " What users send waits for the link for up to 90 s,"
                            + " then is tried again until the retry window ends.";
        }
        return switch (overview.state()) {
            case "RUNNING" -> "Federation is on: listening for XMPP servers on " + overview.listening() + " for "
                    + String.join(", ", overview.localDomains()) + ".";
            case "FAILED" -> "Federation is switched on but not running: " + overview.problem();
            default -> "Federation is off: no XMPP server is contacted and none can connect.";
        };
    }

    private static String waiting(int stanzas) {
        return switch (stanzas) {
            case 0 -> "Nothing waits for it.";
            case 1 -> "1 stanza waits for it.";
            default -> stanzas + " stanzas wait for it.";
        };
    }
}
