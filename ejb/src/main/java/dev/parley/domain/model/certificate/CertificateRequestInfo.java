package dev.parley.domain.model.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate signing request waiting for its CA's reply, as shown: everything but its private key.
 *
 * @param subject  the distinguished name requested (RFC 2253)
 * @param dnsNames the subjectAltName dNSName entries requested
 * @param csrPem   the PKCS#10 request as one {@code BEGIN CERTIFICATE REQUEST} block, to give to the CA
 */
public record CertificateRequestInfo(KeyAlgorithm algorithm, String subject, List<String> dnsNames, String csrPem,
                                     Instant createdAt, String createdBy) {

    public CertificateRequestInfo {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(subject, "subject");
        dnsNames = List.copyOf(dnsNames);
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** The request in one line, for the audit trail. */
    public String summary() {
        return algorithm.displayName() + " key for " + String.join(", ", dnsNames);
    }
}
