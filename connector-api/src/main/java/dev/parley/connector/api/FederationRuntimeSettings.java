package dev.parley.connector.api;

import dev.parley.xmpp.s2s.RemoteDomainPolicy;
import dev.parley.xmpp.tls.TlsPolicy;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The part of the stored settings the engine runs by. The adapter adds what belongs to the
 * server rather than the database: the local XMPP domain and the DNS servers.
 *
 * @param enabled       the federation switch
 * @param bindAddress   the local address of the S2S listener
 * @param port          its TCP port
 * @param tlsPolicy     the global TLS policy
 * @param tlsOverrides  per remote domain (canonical form), the policy that beats the global one
 * @param remoteDomains which remote domains may be contacted and accepted, and why not
 */
public record FederationRuntimeSettings(boolean enabled, InetAddress bindAddress, int port, TlsPolicy tlsPolicy,
                                        Function<String, Optional<TlsPolicy>> tlsOverrides,
                                        RemoteDomainPolicy remoteDomains) {

    public FederationRuntimeSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(tlsOverrides, "tlsOverrides");
        Objects.requireNonNull(remoteDomains, "remoteDomains");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the S2S port must be within 1..65535, was " + port);
        }
    }
}
