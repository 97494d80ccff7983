package dev.parley.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One recorded federation event; written once, never changed, removed by the retention limit. */
@Entity
@Table(name = "federation_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditDirection direction;

    @Column(name = "local_domain", updatable = false)
    private String localDomain;

    @Column(name = "remote_domain", updatable = false)
    private String remoteDomain;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    @Column(name = "auth_method", updatable = false)
    private String authMethod;

    @Column(updatable = false)
    private String tls;

    @Column(updatable = false)
    private String detail;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(AuditRecord record, Instant recordedAt) {
        this.occurredAt = record.at();
        this.kind = record.kind();
        this.direction = record.direction();
        this.localDomain = record.localDomain();
        this.remoteDomain = record.remoteDomain();
        this.remoteAddress = record.remoteAddress();
        this.authMethod = record.authMethod();
        this.tls = record.tls();
        this.detail = record.detail();
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public Long id() {
        return id;
    }

    public AuditRecord record() {
        return new AuditRecord(occurredAt, kind, direction, localDomain, remoteDomain, remoteAddress, authMethod, tls, detail);
    }

    /** When the entry was written, which may be a little after it happened. */
    public Instant recordedAt() {
        return recordedAt;
    }
}
