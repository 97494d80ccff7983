package dev.parley.interfaces.console;

import dev.parley.application.FederationOverview;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.SettingsSnapshot;

/** What federation does now, in one sentence for an administrator, as the pages show it on top. */
final class EngineStatusText {

    private EngineStatusText() {
    }

    static String describe(FederationOverview overview, SettingsSnapshot settings) {
        if (settings.enabled() && settings.mode() == FederationMode.PROXY) {
            // Proxy mode is stored and switches the engine off; the link to the proxy is a feature of its own.
            return "XMPP Proxy mode: Parley opens no S2S port and would federate through the proxy at "
                    + settings.proxyHost() + ":" + settings.proxyPort() + ", but this version has no link to the proxy"
                    + " yet: stanzas for remote domains bounce with service-unavailable.";
        }
        return switch (overview.state()) {
            case "RUNNING" -> "Federation is on: listening for XMPP servers on " + overview.listening() + " for "
                    + String.join(", ", overview.localDomains()) + ".";
            case "FAILED" -> "Federation is switched on but not running: " + overview.problem();
            default -> "Federation is off: no XMPP server is contacted and none can connect.";
        };
    }
}
