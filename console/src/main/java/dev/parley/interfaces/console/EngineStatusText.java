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
                            + ". What users send waits and is tried again until the retry window ends.";
        }
        return switch (overview.state()) {
            case "RUNNING" -> "Federation is on: listening for XMPP servers on " + overview.listening() + " for "
                    + String.join(", ", overview.localDomains()) + ".";
            case "FAILED" -> "Federation is switched on but not running: " + overview.problem();
            default -> "Federation is off: no XMPP server is contacted and none can connect.";
        };
    }
}
