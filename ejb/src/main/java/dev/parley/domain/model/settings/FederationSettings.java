package dev.parley.domain.model.settings;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * The federation settings of this installation: a single row (id 1), created with its defaults
 * by the schema migration and changed only as a whole through {@link #apply}.
 */
@Entity
@Table(name = "federation_settings")
public class FederationSettings {

    public static final long THE_ID = 1L;

    @Id
    private long id;

    @Version
    private long version;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FederationMode mode;

    @Column(name = "s2s_port", nullable = false)
    private int s2sPort;

    @Column(name = "s2s_bind_address", nullable = false)
    private String s2sBindAddress;

    @Column(name = "proxy_host")
    private String proxyHost;

    @Column(name = "proxy_port", nullable = false)
    private int proxyPort;

    /** Encrypted; see dev.parley.infrastructure.security. */
    @Column(name = "proxy_password_sealed")
    private String proxyPasswordSealed;

    @Column(name = "proxy_tls", nullable = false)
    private boolean proxyTls;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_policy", nullable = false)
    private TlsPolicy tlsPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "max_level", nullable = false)
    private AuthorizationLevel maxLevel;

    @Column(name = "outbound_retry_window_seconds", nullable = false)
    private int outboundRetryWindowSeconds;

    /** Remote servers at addresses that do not belong on the public internet may be connected to. */
    @Column(name = "private_federation", nullable = false)
    private boolean privateFederation;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected FederationSettings() {
        // for JPA
    }

    public boolean hasProxyPassword() {
        return proxyPasswordSealed != null;
    }

    /** The proxy password as stored, sealed; only the infrastructure that holds the key can open it. */
    public Optional<String> sealedProxyPassword() {
        return Optional.ofNullable(proxyPasswordSealed);
    }

    /**
     * Applies a change that {@link SettingsChange#problems} found valid.
     *
     * @param sealedPassword the new proxy password already sealed, or null to keep the stored one
     *                       (the empty string clears it)
     */
    public void apply(SettingsChange change, String sealedPassword, String who, Instant when) {
        enabled = change.enabled();
        mode = change.mode();
        s2sPort = change.s2sPort();
        s2sBindAddress = change.s2sBindAddress().trim();
        proxyHost = change.proxyHost() == null || change.proxyHost().isBlank() ? null : change.proxyHost().trim();
        proxyPort = change.proxyPort();
        if (change.proxyTls() != null) {
            proxyTls = change.proxyTls();
        }
        if (change.privateFederation() != null) {
            privateFederation = change.privateFederation();
        }
        if (sealedPassword != null) {
            proxyPasswordSealed = sealedPassword.isEmpty() ? null : sealedPassword;
        }
        tlsPolicy = change.tlsPolicy();
        maxLevel = change.maxLevel();
        outboundRetryWindowSeconds = change.outboundRetryWindowSeconds();
        updatedBy = who;
        updatedAt = when;
    }

    public SettingsSnapshot snapshot() {
        return new SettingsSnapshot(enabled, mode, s2sPort, s2sBindAddress, proxyHost, proxyPort,
                hasProxyPassword(), tlsPolicy, maxLevel, outboundRetryWindowSeconds, version, updatedAt, updatedBy,
                proxyTls, privateFederation);
    }
}
