package dev.parley.xmpp.diagnostics;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A finished TLS handshake with a peer.
 *
 * @param protocol    e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param chain       the peer's certificate chain, its own first; empty when it sent none
 * @param alpn        the application protocol agreed (XEP-0368 asks for {@code xmpp-server}), if any
 */
record TlsHandshake(String protocol, String cipherSuite, List<X509Certificate> chain, Optional<String> alpn) {

    TlsHandshake {
        chain = List.copyOf(chain);
    }
}
