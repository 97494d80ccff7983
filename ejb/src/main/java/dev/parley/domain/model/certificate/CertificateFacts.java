package dev.parley.domain.model.certificate;

import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What is stored in the clear about the server certificate, beside its sealed key: enough to show it and to judge
 * it without opening the key.
 *
 * @param subject     the subject's distinguished name (RFC 2253)
 * @param issuer      the issuer's distinguished name (RFC 2253)
 * @param dnsNames    the subjectAltName dNSName entries
 * @param notBefore   the start of its validity, to the second
 * @param notAfter    the end of its validity, to the second
 * @param sha256      the SHA-256 fingerprint of the server's certificate ({@code AB:CD:…})
 * @param selfSigned  whether the server's certificate is issued by itself
 * @param chainLength how many certificates the chain holds, the server's own included
 */
public record CertificateFacts(String subject, String issuer, List<String> dnsNames, Instant notBefore,
                               Instant notAfter, String sha256, boolean selfSigned, int chainLength) {

    public CertificateFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        dnsNames = List.copyOf(dnsNames);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static CertificateFacts of(ServerCredential credential) {
        X509Certificate certificate = credential.certificate();
        return new CertificateFacts(name(certificate.getSubjectX500Principal()), name(certificate.getIssuerX500Principal()),
                Certificates.dnsNames(certificate), certificate.getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS),
                certificate.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS),
                Certificates.sha256Fingerprint(certificate), Certificates.isSelfSigned(certificate),
                credential.chain().size());
    }

    /** A distinguished name as shown and stored (RFC 2253). */
    static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** The certificate in one line, for the audit trail: the subject (at most 200 characters), fingerprint, expiry. */
    public String summary() {
        return CertificateRules.shortName(subject) + " (SHA-256 " + sha256 + ", valid until " + notAfter + ")";
    }
}
