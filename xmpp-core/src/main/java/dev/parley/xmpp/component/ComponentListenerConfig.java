package dev.parley.xmpp.component;

import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.xml.XmlLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and for whom a {@link ComponentListener} accepts a component.
 *
 * @param bindAddress      the local address to listen on
 * @param port             the TCP port (0 picks a free one)
 * @param domain           the one domain a component may authenticate for, canonical
 * @param secret           the shared password
 * @param tls              with a credential, TLS starts before the first byte of XML (the link is then encrypted
 *                         and the component can check who it talks to); without, the link is plain TCP
 * @param limits           size limits of what the component may send
 * @param handshakeTimeout how long a connection may take from its first byte to a successful handshake
 * @param maxWait          how long a stanza for the component may wait for its link
 */
public record ComponentListenerConfig(InetAddress bindAddress, int port, String domain, ComponentSecret secret,
                                      Optional<ServerCredential> tls, XmlLimits limits, Duration handshakeTimeout,
                                      Duration maxWait) {

    public static final int DEFAULT_PORT = 5275;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for Parley to restart or come back after a cut, short enough for remote senders to hear soon. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    public ComponentListenerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(maxWait, "maxWait");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the link port must be within 0..65535, was " + port);
        }
    }

    /** A plain-TCP listener with the default limits, handshake timeout and wait. */
    public static ComponentListenerConfig of(InetAddress bindAddress, int port, String domain, ComponentSecret secret) {
        return new ComponentListenerConfig(bindAddress, port, domain, secret, Optional.empty(), XmlLimits.DEFAULTS,
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_MAX_WAIT);
    }

    public ComponentListenerConfig withTls(ServerCredential credential) {
        return new ComponentListenerConfig(bindAddress, port, domain, secret, Optional.of(credential), limits,
                handshakeTimeout, maxWait);
    }

    public ComponentListenerConfig withHandshakeTimeout(Duration timeout) {
        return new ComponentListenerConfig(bindAddress, port, domain, secret, tls, limits, timeout, maxWait);
    }

    public ComponentListenerConfig withMaxWait(Duration wait) {
        return new ComponentListenerConfig(bindAddress, port, domain, secret, tls, limits, handshakeTimeout, wait);
    }
}
