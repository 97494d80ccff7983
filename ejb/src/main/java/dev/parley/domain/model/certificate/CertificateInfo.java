package dev.parley.domain.model.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored server certificate as it is shown: what it is for, who issued it, until when, and what the administrator
 * should know about it. Never the key.
 *
 * @param role       the XMPP certificate, or the UC server's SIP certificate
 * @param subject    the subject's distinguished name (RFC 2253)
 * @param issuer     the issuer's distinguished name (RFC 2253)
 * @param dnsNames   the subjectAltName dNSName entries, as written ({@code *.example.com})
 * @param sha256     the SHA-256 fingerprint of the certificate, as {@code openssl x509 -fingerprint -sha256} prints it
 * @param importedBy the administrator who imported it
 * @param chain      the chain as stored, the server's certificate first; empty when the stored key cannot be opened
 * @param remarks    things worth knowing although the certificate was accepted: it expires soon, it does not name
 *                   this server's domain, it is self-signed …
 */
public record CertificateInfo(CertificateRole role, String subject, String issuer, List<String> dnsNames,
                              Instant notBefore, Instant notAfter, String sha256, Instant importedAt, String importedBy,
                              List<ChainCertificate> chain, List<String> remarks) {

    public CertificateInfo {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        dnsNames = List.copyOf(dnsNames);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
        chain = List.copyOf(chain);
        remarks = List.copyOf(remarks);
    }
}
