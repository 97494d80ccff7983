package dev.parley.xmpp.s2s;

import java.time.Duration;
import java.util.Objects;

/**
 * What an inbound connection may cost before its peer has proved anything: how long it may take to send its stream
 * header and to authenticate, and how many connections one address, one network and all peers together may hold open.
 * Each connection costs memory, a parser and perhaps a TLS handshake and a dialback verification, so these bound what
 * a hostile or broken peer can take without authenticating. What a stream may send is bounded by the
 * {@link dev.parley.xmpp.xml.XmlLimits} beside these.
 *
 * @param headerTimeout          how long a new connection may take to send its complete stream header
 * @param authenticationTimeout  how long a stream may go, from its first header, without authenticating a domain;
 *                               a deadline, not an idle timeout: traffic (whitespace keepalives included) does not
 *                               move it. Must leave room for a dialback verification, which may take the engine's
 *                               dialback timeout
 * @param connectionsPerAddress  connections open at once from one IP address
 * @param connectionsPerNetwork  connections open at once from one network: an IPv6 /64 (which one host or site
 *                               usually holds whole, so that a peer cannot escape the per-address cap by changing its
 *                               address inside it) or an IPv4 /24. At least {@code connectionsPerAddress}
 * @param connectionsInAll       connections open at once from everyone. At least {@code connectionsPerNetwork}
 */
public record InboundLimits(Duration headerTimeout, Duration authenticationTimeout, int connectionsPerAddress,
                            int connectionsPerNetwork, int connectionsInAll) {

    /**
     * A header within 30 s of connecting, which a peer sends at once; authentication within 60 s of the header, room
     * for TLS and a dialback verification of up to 30 s; 64 connections per address (a peer needs one stream plus
     * short verify streams, but a host serving many domains behind one address opens more), 128 per network (a
     * hosting provider's /24 holds several servers), 4,096 in all (inside a default file-descriptor limit).
     */
    public static final InboundLimits DEFAULTS = new InboundLimits(Duration.ofSeconds(30), Duration.ofSeconds(60),
            64, 128, 4_096);
    /** The most {@link #withConnectionsPerAddress} takes: far beyond any host's file descriptors. */
    public static final int MOST_CONNECTIONS_PER_ADDRESS = 100_000;

    public InboundLimits {
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(authenticationTimeout, "authenticationTimeout");
        if (connectionsPerAddress < 1) {
            throw new IllegalArgumentException("connectionsPerAddress must be at least 1, was " + connectionsPerAddress);
        }
        if (connectionsPerNetwork < connectionsPerAddress) {
            throw new IllegalArgumentException("connectionsPerNetwork must be at least connectionsPerAddress ("
                    + connectionsPerAddress + "), was " + connectionsPerNetwork);
        }
        if (connectionsInAll < connectionsPerNetwork) {
            throw new IllegalArgumentException("connectionsInAll must be at least connectionsPerNetwork ("
                    + connectionsPerNetwork + "), was " + connectionsInAll);
        }
    }

    /**
     * These limits with {@code perAddress} connections per address, for a peer that runs many domains behind one
     * address (a large hosting provider); the caps per network and in all grow with it where they would be lower.
     */
    public InboundLimits withConnectionsPerAddress(int perAddress) {
        if (perAddress < 1 || perAddress > MOST_CONNECTIONS_PER_ADDRESS) {
            throw new IllegalArgumentException("connections per address must be from 1 to "
                    + MOST_CONNECTIONS_PER_ADDRESS + ", was " + perAddress);
        }
        int perNetwork = Math.max(connectionsPerNetwork, perAddress);
        return new InboundLimits(headerTimeout, authenticationTimeout, perAddress, perNetwork,
                Math.max(connectionsInAll, perNetwork));
    }

    /** These limits with other caps on connections, for tests that reach them. */
    public InboundLimits withConnections(int perAddress, int perNetwork, int inAll) {
        return new InboundLimits(headerTimeout, authenticationTimeout, perAddress, perNetwork, inAll);
    }

    /** These limits with other deadlines for the header and for authentication. */
    public InboundLimits withTimeouts(Duration header, Duration authentication) {
        return new InboundLimits(header, authentication, connectionsPerAddress, connectionsPerNetwork,
                connectionsInAll);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
