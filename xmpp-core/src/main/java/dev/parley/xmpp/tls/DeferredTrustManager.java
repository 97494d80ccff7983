package dev.parley.xmpp.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.X509Certificate;

/**
 * Lets every handshake complete whatever certificate the peer shows, so that the
 * {@link CertificateVerifier} can judge it afterwards with reasons a person reads and the
 * {@link TlsPolicy} can decide what follows. Never used without that check: under
 * {@link TlsPolicy#REQUIRED_IGNORE_CERT_ERRORS} and {@link TlsPolicy#OPTIONAL} an untrusted
 * certificate only means that dialback must prove the peer's domain.
 *
 * <p>An {@link X509ExtendedTrustManager}, so that the JDK uses it as it is instead of wrapping it
 * in checks of its own; it names no accepted issuers, so peers send their certificate whoever issued it.
 */
final class DeferredTrustManager extends X509ExtendedTrustManager {

    static final DeferredTrustManager INSTANCE = new DeferredTrustManager();

    private DeferredTrustManager() {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Judged after the handshake by CertificateVerifier.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
