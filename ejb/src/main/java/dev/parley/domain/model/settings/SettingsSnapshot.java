package dev.parley.domain.model.settings;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.xmpp.tls.TlsPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The federation settings as they may be shown: the proxy password only as "set or not".
 */
public record SettingsSnapshot(
        boolean enabled,
        FederationMode mode,
        int s2sPort,
        String s2sBindAddress,
        String proxyHost,
        int proxyPort,
        boolean proxyPasswordSet,
        TlsPolicy tlsPolicy,
        AuthorizationLevel maxLevel,
        int outboundRetryWindowSeconds,
        long version,
        Instant updatedAt,
        String updatedBy,
        boolean proxyTls,
        boolean privateFederation) {

    /** The settings in one line, for the audit trail; never the proxy password. */
    public String summary() {
        return "federation " + (enabled ? "on" : "off") + ", " + mode + " mode, listener " + s2sBindAddress + ":"
                + s2sPort + ", proxy " + (proxyHost == null ? "-" : proxyHost) + ":" + proxyPort
                + (proxyTls ? " over TLS" : "") + ", TLS " + tlsPolicy
                + ", maximum level " + maxLevel + ", retry window " + outboundRetryWindowSeconds + " s"
                + (privateFederation ? ", private addresses allowed" : "");
    }

    /** How long an outbound stanza for an unreachable domain keeps being retried before it bounces. */
    public Duration outboundRetryWindow() {
        return Duration.ofSeconds(outboundRetryWindowSeconds);
    }
}
