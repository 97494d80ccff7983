package dev.parley.xmpp.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * A bound UDP socket on a random loopback address that never replies: a DNS server that times
 * out, and a witness that no query was sent at all.
 */
public final class UnansweringDnsServer implements AutoCloseable {

    private final DatagramSocket socket;

    public UnansweringDnsServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(TestDnsServer.randomLoopbackAddress(), 0));
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public ResolverConfig resolverConfig(Duration timeout) {
        return new ResolverConfig(List.of(address()), timeout, 0);
    }

    /** Whether any datagram has arrived (they wait in the socket's buffer until read). */
    public boolean receivedAnything() throws IOException {
        socket.setSoTimeout(100);
        try {
            socket.receive(new DatagramPacket(new byte[512], 512));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
