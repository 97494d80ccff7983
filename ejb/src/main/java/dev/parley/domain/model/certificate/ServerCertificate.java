package dev.parley.domain.model.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A server certificate of this installation: one row per {@link CertificateRole} (its {@link CertificateRole#rowId()}),
 * created empty by the schema migration, filled by an import and emptied by a removal. The private key and the chain are stored only sealed
 * ({@code credential_sealed}); the plain columns describe the certificate for display.
 */
@Entity
@Table(name = "server_certificate")
public class ServerCertificate {

    /** The size of {@code credential_sealed}. */
    public static final int MAX_SEALED_LENGTH = 1_000_000;

    private static final String NAME_SEPARATOR = "\n";

    @Id
    private long id;

    @Version
    private long version;

    /** The {@link CredentialPem#text()}, sealed; null when no certificate is stored. */
    @Column(name = "credential_sealed", length = MAX_SEALED_LENGTH)
    private String credentialSealed;

    @Column(length = CertificateRules.MAX_NAME_LENGTH)
    private String subject;

    @Column(length = CertificateRules.MAX_NAME_LENGTH)
    private String issuer;

    /** One name a line; the empty string for none. */
    @Column(name = "dns_names", length = MAX_SEALED_LENGTH)
    private String dnsNames;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "not_after")
    private Instant notAfter;

    @Column(length = 95)
    private String sha256;

    @Column(name = "self_signed")
    private Boolean selfSigned;

    @Column(name = "chain_length")
    private Integer chainLength;

    @Column(name = "imported_at")
    private Instant importedAt;

    @Column(name = "imported_by")
    private String importedBy;

    protected ServerCertificate() {
        // for JPA
    }


    public CertificateRole role() {
        for (CertificateRole role : CertificateRole.values()) {
            if (role.rowId() == id) {
                return role;
            }
        }
        throw new IllegalStateException("server_certificate row " + id + " is for no known role");
    }

    public boolean present() {
        return credentialSealed != null;
    }

    /** The sealed {@link CredentialPem#text()}, when a certificate is stored. */
    public Optional<String> sealedCredential() {
        return Optional.ofNullable(credentialSealed);
    }

    /** What is known of the stored certificate without opening its key. */
    public Optional<CertificateFacts> facts() {
        if (!present()) {
            return Optional.empty();
        }
        List<String> names = dnsNames.isEmpty() ? List.of() : Arrays.asList(dnsNames.split(NAME_SEPARATOR));
        return Optional.of(new CertificateFacts(subject, issuer, names, notBefore, notAfter, sha256,
                Boolean.TRUE.equals(selfSigned), chainLength == null ? 1 : chainLength));
    }

    public Instant importedAt() {
        return importedAt;
    }

    public String importedBy() {
        return importedBy;
    }

    /**
     * Stores a certificate that {@link CertificateRules#serverCertificateProblems} found fit, in place of any other.
     *
     * @param sealed its {@link CredentialPem#text()}, sealed
     */
    public void replace(CertificateFacts facts, String sealed, String who, Instant when) {
        credentialSealed = sealed;
        subject = facts.subject();
        issuer = facts.issuer();
        dnsNames = String.join(NAME_SEPARATOR, facts.dnsNames());
        notBefore = facts.notBefore();
        notAfter = facts.notAfter();
        sha256 = facts.sha256();
        selfSigned = facts.selfSigned();
        chainLength = facts.chainLength();
        importedAt = when;
        importedBy = who;
    }

    /** Forgets the certificate and its key. */
    public void clear() {
        credentialSealed = null;
        subject = null;
        issuer = null;
        dnsNames = null;
        notBefore = null;
        notAfter = null;
        sha256 = null;
        selfSigned = null;
        chainLength = null;
        importedAt = null;
        importedBy = null;
    }

    /** The certificate as shown, with its {@code chain} as opened and {@code remarks}. */
    public Optional<CertificateInfo> info(List<ChainCertificate> chain, List<String> remarks) {
        return facts().map(facts -> new CertificateInfo(role(), facts.subject(), facts.issuer(), facts.dnsNames(),
                facts.notBefore(), facts.notAfter(), facts.sha256(), importedAt, importedBy, chain, remarks));
    }
}
