package dev.parley.domain.model.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The certificate signing request waiting for its CA's reply: a single row (id 1), created empty by the schema
 * migration. Its private key is stored only sealed and never leaves Parley; the reply is imported onto it, and a new
 * request replaces it.
 */
@Entity
@Table(name = "certificate_request")
public class CertificateRequest {

    public static final long THE_ID = 1L;
    /** The size of {@code key_sealed}, {@code dns_names} and {@code csr_pem}. */
    public static final int MAX_LENGTH = 100_000;

    private static final String NAME_SEPARATOR = "\n";

    @Id
    private long id;

    @Version
    private long version;

    /** The PKCS#8 private key as PEM, sealed; null while no request waits. */
    @Column(name = "key_sealed", length = MAX_LENGTH)
    private String keySealed;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private KeyAlgorithm algorithm;

    @Column(length = CertificateRules.MAX_NAME_LENGTH)
    private String subject;

    @Column(name = "dns_names", length = MAX_LENGTH)
    private String dnsNames;

    @Column(name = "csr_pem", length = MAX_LENGTH)
    private String csrPem;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected CertificateRequest() {
        // for JPA
    }

    public boolean present() {
        return keySealed != null;
    }

    /** The sealed private key PEM, while a request waits. */
    public Optional<String> sealedKey() {
        return Optional.ofNullable(keySealed);
    }

    /** Keeps a new request in place of any other. */
    public void replace(String sealedKey, KeyAlgorithm keyAlgorithm, String subjectName, List<String> names,
                        String requestPem, String who, Instant when) {
        keySealed = sealedKey;
        algorithm = keyAlgorithm;
        subject = subjectName;
        dnsNames = String.join(NAME_SEPARATOR, names);
        csrPem = requestPem;
        createdAt = when;
        createdBy = who;
    }

    /** Forgets the request and its key. */
    public void clear() {
        keySealed = null;
        algorithm = null;
        subject = null;
        dnsNames = null;
        csrPem = null;
        createdAt = null;
        createdBy = null;
    }

    /** The request as shown, while one waits. */
    public Optional<CertificateRequestInfo> info() {
        if (!present()) {
            return Optional.empty();
        }
        return Optional.of(new CertificateRequestInfo(algorithm, subject, Arrays.asList(dnsNames.split(NAME_SEPARATOR)),
                csrPem, createdAt, createdBy));
    }
}
