package dev.parley.connector.api;

import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsPolicy;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of the stored settings the engine runs by: switch, listener, TLS, certificate,
 * authorizations. The adapter adds what belongs to the server rather than the database: the
 * local XMPP domain and the DNS servers.
 *
 * @param enabled       the federation switch
 * @param bindAddress   the local address of the S2S listener
 * @param port          its TCP port
 * @param tlsPolicy     the global TLS policy
 * @param domains       which remote domains may be contacted and accepted (and why not), and for each the TLS
 *                      policy that beats the global one
 * @param credential    the S2S server certificate with its key, presented for the local domain;
 *                      empty: no TLS can be offered to peers (Parley can still be a TLS client)
 * @param trustedCas    CAs trusted for peer certificates besides the JDK's
 * @param proxy         in proxy mode, the link to the proxy, which then holds the S2S streams instead of this
 *                      server's engine (no S2S port is opened here); empty in direct mode
 * @param privateFederation whether remote servers may be connected to at addresses that do not belong on the public
 *                      internet (an intranet partner); off, a remote domain's DNS cannot make the engine connect into
 *                      the company's network
 */
public record FederationRuntimeSettings(boolean enabled, InetAddress bindAddress, int port, TlsPolicy tlsPolicy,
                                        DomainPolicy domains, Optional<ServerCredential> credential,
                                        List<X509Certificate> trustedCas, Optional<ProxyLinkSettings> proxy,
                                        boolean privateFederation) {

    public FederationRuntimeSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(credential, "credential");
        trustedCas = List.copyOf(trustedCas);
        Objects.requireNonNull(proxy, "proxy");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the S2S port must be within 1..65535, was " + port);
        }
    }
}
