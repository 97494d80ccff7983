package dev.parley.domain.model.settings;

import dev.parley.xmpp.tls.TlsPolicy;
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
        long version,
        Instant updatedAt,
        String updatedBy) {
}
