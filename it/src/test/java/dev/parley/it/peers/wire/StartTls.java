package dev.parley.it.peers.wire;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The generator's side of STARTTLS (RFC 6120 §5) with the JDK's own TLS: TLS 1.3 or 1.2, SNI naming the target's
 * domain, no client certificate (the stream authenticates by dialback, as against the peers' self-signed mode).
 * It trusts whatever the target presents: the generator is not under test, and judging certificates is the
 * target's business, not the load's.
 */
public final class StartTls {

    /** The namespace of {@code <starttls/>} and {@code <proceed/>}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";

    private final SSLContext context;

    private StartTls(SSLContext context) {
        this.context = context;
    }

    /** A client that accepts any server certificate. */
    public static StartTls trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            return new StartTls(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    /** Runs the TLS handshake over the connected socket, after the target said {@code <proceed/>}. */
    SSLSocket handshake(Socket plain, String domain) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, domain, plain.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
