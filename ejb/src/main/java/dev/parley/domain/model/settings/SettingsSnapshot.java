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
        String updatedBy) {

    /** How long an outbound stanza for an unreachable domain keeps being retried before it bounces. */
    public Duration outboundRetryWindow() {
        return Duration.ofSeconds(outboundRetryWindowSeconds);
    }
}
