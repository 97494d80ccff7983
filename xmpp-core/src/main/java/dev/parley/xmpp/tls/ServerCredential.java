package dev.parley.xmpp.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What this server proves its identity with in TLS: a private key and the certificate chain for it,
 * the server's own certificate first. One credential may serve several local domains.
 *
 * @param key   the private key of the first certificate
 * @param chain the certificate, then the intermediates that lead to a CA peers trust
 */
public record ServerCredential(PrivateKey key, List<X509Certificate> chain) {

    public ServerCredential {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least its own certificate");
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
