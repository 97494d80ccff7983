package dev.parley.domain.model.certificate;

import dev.parley.xmpp.tls.Certificates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A CA whose certificates authenticate peers, besides the JDK's default CAs: a company CA of a partner, say. At most
 * one per certificate (SHA-256 fingerprint).
 */
@Entity
@Table(name = "trusted_ca", uniqueConstraints = @UniqueConstraint(name = "trusted_ca_sha256", columnNames = "sha256"))
public class TrustedCa {

    /** The size of the {@code pem} column; a CA certificate is a few KiB. */
    public static final int MAX_PEM_LENGTH = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The certificate as one PEM block, re-encoded: nothing else of what was pasted is kept. */
    @Column(nullable = false, length = MAX_PEM_LENGTH)
    private String pem;

    @Column(nullable = false, length = CertificateRules.MAX_NAME_LENGTH)
    private String subject;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(nullable = false, length = 95)
    private String sha256;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected TrustedCa() {
        // for JPA
    }

    /** A CA that {@link CertificateRules#trustedCaProblems} found fit. */
    public TrustedCa(X509Certificate ca, String who, Instant when) {
        pem = Certificates.toPem(ca);
        if (pem.length() > MAX_PEM_LENGTH) {
            throw new IllegalArgumentException("the CA certificate is larger than " + MAX_PEM_LENGTH + " characters as PEM");
        }
        subject = CertificateFacts.name(ca.getSubjectX500Principal());
        notAfter = ca.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS);
        sha256 = Certificates.sha256Fingerprint(ca);
        addedAt = when;
        addedBy = who;
    }

    /** Null until stored. */
    public Long id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    /** The CA in one line, for messages and the audit trail. */
    public String summary() {
        return CertificateRules.shortName(subject) + " (SHA-256 " + sha256 + ", valid until " + notAfter + ")";
    }

    /** The CA's certificate, read from its stored PEM. */
    public X509Certificate certificate() {
        return Certificates.parsePem(pem).get(0);
    }

    /** The CA as shown {@code now}. */
    public TrustedCaInfo info(Instant now) {
        return new TrustedCaInfo(id, subject, notAfter, sha256, addedAt, addedBy, pem,
                CertificateRules.trustedCaRemarks(notAfter, now));
    }
}
