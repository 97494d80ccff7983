package dev.parley.it.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The client and S2S ports a peer listens on. On a 127.x.y.z of its own they are the standard ones, so that a peer
 * found through its address alone is reached on 5269 as in production; on {@code [::1]}, the one IPv6 loopback
 * address that every run and peer shares, they are free ones, which the peer's SRV record names.
 */
public record ListeningPorts(int c2s, int s2s) {

    /** {@link PeerPorts#C2S} and the S2S port of the mode. */
    static ListeningPorts standard(PeerSecurity security) {
        return new ListeningPorts(PeerPorts.C2S, PeerPorts.s2s(security));
    }

    /** Two ports free on {@code address} now, for a peer that shares it. */
    public static ListeningPorts freeOn(InetAddress address) {
        // both held at once, so that they differ
        try (ServerSocket c2s = new ServerSocket(0, 1, address); ServerSocket s2s = new ServerSocket(0, 1, address)) {
            return new ListeningPorts(c2s.getLocalPort(), s2s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind to " + address.getHostAddress(), e);
        }
    }
}
