package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.xml.XmlLimits;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the S2S engine runs, inbound and outbound.
 *
 * @param localDomains    the XMPP domains this server serves; stored in canonical (lower) case
 * @param bindAddress     the local address the listener binds
 * @param port            the listener's TCP port, 0 for any free one (tests)
 * @param dialbackSecret  the XEP-0185 secret; empty for 32 random bytes per start, which is right
 *                        for a single server (set it only when several servers must verify each
 *                        other's keys)
 * @param targetResolver  where remote domains' S2S services are
 * @param hostResolver    the addresses of those services' hosts
 * @param connectTimeout  how long one TCP connection attempt may take
 * @param dialbackTimeout how long the steps after connecting may take before the attempt is given
 *                        up: stream negotiation, then the answer to each dialback request or verify
 * @param queueBound      how many stanzas may wait for one (local, remote) session to open; more
 *                        are bounced with {@code resource-constraint}
 * @param limits          what a peer may send
 * @param inbound         what an inbound connection may cost before its peer authenticates: deadlines for its
 *                        header and its authentication, connection caps per address, network and in all
 * @param tls             certificates, trusted CAs and the TLS policy per remote domain
 * @param directTlsPort   a second listener port where peers start with TLS (XEP-0368), 0 for any
 *                        free one (tests); empty for none. Needs a certificate in {@code tls}
 * @param health          idle timeout, ping keepalive, retry back-off, connection racing and drain
 *                        on shutdown
 * @param remoteDomains   which remote domains this server federates with; stanzas to others bounce with
 *                        {@code not-allowed}, and remote servers that authenticate them are refused
 * @param privateFederation whether remote servers may be connected to at addresses that do not belong on the public
 *                        internet (loopback, link-local, private networks; {@link dev.parley.xmpp.net.PrivateAddresses}):
 *                        on for a partner on the intranet; off, a remote domain's DNS cannot make this server connect
 *                        into its own network, for sessions and dialback verifications alike
 */
public record EngineConfig(Set<String> localDomains, InetAddress bindAddress, int port, Optional<String> dialbackSecret,
                           S2sTargetResolver targetResolver, HostResolver hostResolver, Duration connectTimeout,
                           Duration dialbackTimeout, int queueBound, XmlLimits limits, InboundLimits inbound,
                           TlsConfig tls, Optional<Integer> directTlsPort, SessionHealth health,
                           RemoteDomainPolicy remoteDomains, boolean privateFederation) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Dialback involves a second connection from the peer back to us; 30 s leaves room for its DNS too. */
    public static final Duration DEFAULT_DIALBACK_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_QUEUE_BOUND = 1000;

    public EngineConfig {
        Objects.requireNonNull(localDomains, "localDomains");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dialbackSecret, "dialbackSecret");
        Objects.requireNonNull(targetResolver, "targetResolver");
        Objects.requireNonNull(hostResolver, "hostResolver");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(directTlsPort, "directTlsPort");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(remoteDomains, "remoteDomains");
        if (directTlsPort.filter(tlsPort -> tlsPort < 0 || tlsPort > 65_535).isPresent()) {
            throw new IllegalArgumentException("directTlsPort must be within 0..65535, was " + directTlsPort.get());
        }
        if (directTlsPort.isPresent() && tls.credentials().isEmpty()) {
            throw new IllegalArgumentException("a direct TLS port needs a server certificate");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(dialbackTimeout, "dialbackTimeout");
        Objects.requireNonNull(inbound, "inbound");
        if (inbound.authenticationTimeout().compareTo(dialbackTimeout) <= 0) {
            // A peer's dialback request may wait that long for its verification before it can authenticate.
            throw new IllegalArgumentException("the authentication timeout (" + inbound.authenticationTimeout()
                    + ") must be longer than the dialback timeout (" + dialbackTimeout + ")");
        }
        if (localDomains.isEmpty()) {
            throw new IllegalArgumentException("at least one local domain is needed");
        }
        if (queueBound < 1) {
            throw new IllegalArgumentException("queueBound must be at least 1, was " + queueBound);
        }
        localDomains = localDomains.stream().map(Domains::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A configuration with random dialback secret, default timeouts, queue bound, limits and
     * {@linkplain SessionHealth#DEFAULTS session health}, no TLS, and federation with every domain, at whatever address
     * (a host that federates over the internet turns {@link #withPrivateFederation private federation} off).
     */
    public static EngineConfig of(InetAddress bindAddress, int port, Set<String> localDomains,
                                  S2sTargetResolver targetResolver, HostResolver hostResolver) {
        return new EngineConfig(localDomains, bindAddress, port, Optional.empty(), targetResolver, hostResolver,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_DIALBACK_TIMEOUT, DEFAULT_QUEUE_BOUND, XmlLimits.DEFAULTS,
                InboundLimits.DEFAULTS, TlsConfig.none(), Optional.empty(), SessionHealth.DEFAULTS,
                RemoteDomainPolicy.permitAll(), true);
    }

    public EngineConfig withDialbackSecret(String secret) {
        return new EngineConfig(localDomains, bindAddress, port, Optional.of(secret), targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    public EngineConfig withTimeouts(Duration connect, Duration dialback) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connect, dialback, queueBound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    public EngineConfig withQueueBound(int bound) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, bound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    public EngineConfig withTls(TlsConfig settings) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, settings, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    /** This configuration with a direct-TLS listener on {@code tlsPort} besides the plain one. */
    public EngineConfig withDirectTlsPort(int tlsPort) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, Optional.of(tlsPort), health, remoteDomains,
                privateFederation);
    }

    /** This configuration listening on {@code address} and {@code listenerPort} (0: any free one). */
    public EngineConfig withListener(InetAddress address, int listenerPort) {
        return new EngineConfig(localDomains, address, listenerPort, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    /** This configuration serving {@code domains}. */
    public EngineConfig withLocalDomains(Set<String> domains) {
        return new EngineConfig(domains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                privateFederation);
    }

    /** This configuration with other idle, keepalive, retry, connection racing and drain timings. */
    public EngineConfig withHealth(SessionHealth timings) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, timings, remoteDomains,
                privateFederation);
    }

    /** This configuration federating only with the remote domains {@code policy} does not refuse. */
    public EngineConfig withRemoteDomains(RemoteDomainPolicy policy) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, health, policy,
                privateFederation);
    }

    /** This configuration with other deadlines and connection caps for inbound connections. */
    public EngineConfig withInboundLimits(InboundLimits limitsBeforeAuthentication) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, limitsBeforeAuthentication, tls, directTlsPort,
                health, remoteDomains, privateFederation);
    }

    /** This configuration connecting to remote servers at private addresses, or refusing to. */
    public EngineConfig withPrivateFederation(boolean allowed) {
        return new EngineConfig(localDomains, bindAddress, port, dialbackSecret, targetResolver, hostResolver,
                connectTimeout, dialbackTimeout, queueBound, limits, inbound, tls, directTlsPort, health, remoteDomains,
                allowed);
    }

    /** Whether {@code domain} is one of the local domains, ignoring case. */
    public boolean serves(String domain) {
        return localDomains.contains(Domains.canonical(domain));
    }

    /** What the inbound listener needs of this configuration. */
    public ListenerConfig listenerConfig() {
        return new ListenerConfig(bindAddress, port, localDomains, limits, inbound);
    }

    /** What the direct-TLS listener needs, if there is one. */
    public Optional<ListenerConfig> directTlsListenerConfig() {
        return directTlsPort.map(tlsPort -> new ListenerConfig(bindAddress, tlsPort, localDomains, limits, inbound));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
