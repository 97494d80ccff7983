package dev.parley.xmpp.tls;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one stream is encrypted, for the administrator.
 *
 * @param protocol        e.g. {@code TLSv1.3}
 * @param cipherSuite     e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param peerCertificate the certificate the peer presented, if any
 * @param certificateNote what the certificate check said about it: "trusted" or the reason it was not
 */
public record TlsDetails(String protocol, String cipherSuite, Optional<CertificateSummary> peerCertificate,
                         String certificateNote) {

    public TlsDetails {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(peerCertificate, "peerCertificate");
        Objects.requireNonNull(certificateNote, "certificateNote");
    }

    /** The details of a finished handshake and the verdict on the peer's certificate. */
    public static TlsDetails of(SSLSession session, CertificateVerdict verdict) {
        String note = verdict instanceof CertificateVerdict.Rejected rejected ? rejected.reason() : "trusted";
        return new TlsDetails(session.getProtocol(), session.getCipherSuite(), verdict.certificate(), note);
    }

    /** The chain the peer presented in a finished handshake, its own certificate first; empty if none. */
    public static List<X509Certificate> peerChain(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return List.copyOf(chain);
        } catch (SSLPeerUnverifiedException noCertificate) {
            return List.of();
        }
    }
}
