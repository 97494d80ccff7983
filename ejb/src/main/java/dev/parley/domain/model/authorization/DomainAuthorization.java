package dev.parley.domain.model.authorization;

import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One domain authorization: a domain pattern, the protocol, the level and optionally a TLS policy of its own. At most
 * one per pattern and protocol.
 */
@Entity
@Table(name = "domain_authorization",
        uniqueConstraints = @UniqueConstraint(name = "domain_authorization_pattern_protocol",
                columnNames = {"pattern", "protocol"}))
public class DomainAuthorization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The canonical {@link DomainPattern#text()}. */
    @Column(nullable = false, length = DomainPattern.MAX_TEXT_LENGTH)
    private String pattern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FederationProtocol protocol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuthorizationLevel level;

    /** Null where the global TLS policy applies. */
    @Enumerated(EnumType.STRING)
    @Column(name = "tls_policy")
    private TlsPolicy tlsPolicy;

    @Column(length = AuthorizationChange.MAX_NOTE_LENGTH)
    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected DomainAuthorization() {
        // for JPA
    }

    /** A new authorization from a change that {@link AuthorizationChange#problems} found valid. */
    public DomainAuthorization(AuthorizationChange change, String who, Instant when) {
        createdAt = when;
        createdBy = who;
        apply(change, who, when);
    }

    /** Replaces everything but the id and the creation with a change that {@link AuthorizationChange#problems} found valid. */
    public void apply(AuthorizationChange change, String who, Instant when) {
        pattern = change.domainPattern().text();
        protocol = change.protocol();
        level = change.level();
        tlsPolicy = change.tlsPolicy();
        note = change.note();
        updatedAt = when;
        updatedBy = who;
    }

    /** Null until stored. */
    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public DomainPattern pattern() {
        return DomainPattern.parse(pattern);
    }

    public FederationProtocol protocol() {
        return protocol;
    }

    public AuthorizationLevel level() {
        return level;
    }

    /** What the {@link AuthorizationTable} needs of this authorization. */
    public AuthorizationTable.Entry entry() {
        return new AuthorizationTable.Entry(pattern(), protocol, level, Optional.ofNullable(tlsPolicy));
    }

    public AuthorizationSnapshot snapshot() {
        return new AuthorizationSnapshot(id, pattern(), protocol, level, tlsPolicy, note, version, createdAt, createdBy,
                updatedAt, updatedBy);
    }
}
