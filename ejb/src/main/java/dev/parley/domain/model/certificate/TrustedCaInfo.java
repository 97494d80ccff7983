package dev.parley.domain.model.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CA trusted besides the JDK's, as it is shown.
 *
 * @param subject the CA's distinguished name (RFC 2253)
 * @param sha256  the SHA-256 fingerprint of its certificate, as {@code openssl x509 -fingerprint -sha256} prints it
 * @param pem     its certificate as one PEM block
 * @param remarks things worth knowing: it has expired, or expires soon
 */
public record TrustedCaInfo(long id, String subject, Instant notAfter, String sha256, Instant addedAt, String addedBy,
                            String pem, List<String> remarks) {

    public TrustedCaInfo {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pem, "pem");
        remarks = List.copyOf(remarks);
    }
}
