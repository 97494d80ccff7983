package dev.parley.xmpp.tls;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an administrator reads about a certificate: who it is for, who issued it, the names it
 * presents and until when it is valid.
 *
 * @param subject  the subject's distinguished name (RFC 2253)
 * @param issuer   the issuer's distinguished name (RFC 2253)
 * @param names    the presented identifiers, e.g. {@code DNS:example.com}, {@code XmppAddr:example.com}
 * @param notAfter the end of its validity
 */
public record CertificateSummary(String subject, String issuer, List<String> names, Instant notAfter) {

    public CertificateSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        names = List.copyOf(names);
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                ServiceIdentity.presented(certificate).stream().map(PresentedIdentifier::toString).toList(),
                certificate.getNotAfter().toInstant());
    }
}
