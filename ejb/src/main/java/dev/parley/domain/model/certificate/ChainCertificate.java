package dev.parley.domain.model.certificate;

import dev.parley.xmpp.tls.Certificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One certificate of a server certificate's chain, as shown: the server's own first, then the intermediates.
 *
 * @param subject the distinguished name (RFC 2253)
 * @param issuer  the issuer's distinguished name (RFC 2253)
 * @param sha256  the SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it
 */
public record ChainCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256) {

    public ChainCertificate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static ChainCertificate of(X509Certificate certificate) {
        return new ChainCertificate(CertificateFacts.name(certificate.getSubjectX500Principal()),
                CertificateFacts.name(certificate.getIssuerX500Principal()),
                certificate.getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS),
                certificate.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS),
                Certificates.sha256Fingerprint(certificate));
    }
}
