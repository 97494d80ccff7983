package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import dev.parley.xmpp.xml.XmlLimits;
import io.netty.channel.embedded.EmbeddedChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound connection caps on real sockets from 127.0.0.0/24 (each test's own addresses in it), with caps small
 * enough to reach; the /64 of IPv6, which loopback cannot show, on an embedded channel.
 */
@Timeout(30)
class InboundConnectionLimitTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String OPEN = RemotePeer.header("from='remote.example' to='example.com' version='1.0'");
    private static final String FEATURES = "<stream:features/>";

    private final List<Socket> sockets = new ArrayList<>();
    private S2sListener listener;

    @AfterEach
    void tearDown() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void refusesConnectionBeyondThePerAddressCapAndAcceptsAgainAfterOneCloses() throws IOException {
        start(caps(2, 100, 100));
        Socket first = connect();
        Socket second = connect();
        assertThat(answersHeader(first)).isTrue();
        assertThat(answersHeader(second)).isTrue();

        Socket third = connect();

        assertThat(closedByServer(third)).isTrue();
        assertThat(stillOpen(first)).isTrue();
        assertThat(stillOpen(second)).isTrue();

        first.close();
        assertThat(acceptedWithinSeconds(5)).isTrue();
    }

    @Test
    void refusesConnectionBeyondTheTotalCap() throws IOException {
        start(caps(2, 2, 2));
        // Two networks of loopback's, so that neither the address nor the network cap is what refuses.
        Socket first = connect(InetAddress.getByName("127.0.1.1"));
        Socket second = connect(InetAddress.getByName("127.0.2.1"));
        assertThat(answersHeader(first) && answersHeader(second)).isTrue();

        assertThat(closedByServer(connect(InetAddress.getByName("127.0.3.1")))).isTrue();
        assertThat(stillOpen(first)).isTrue();
    }

    @Test
    void refusesConnectionsBeyondThePerNetworkCapFromOtherAddressesOfTheSameSlash24() throws IOException {
        start(caps(2, 3, 100));
        Socket first = connect(address(11));
        Socket second = connect(address(12));
        Socket third = connect(address(13));
        assertThat(answersHeader(first) && answersHeader(second) && answersHeader(third)).isTrue();

        assertThat(closedByServer(connect(address(14)))).as("a fourth address of 127.0.0.0/24").isTrue();
        assertThat(stillOpen(first)).isTrue();

        second.close();
        assertThat(acceptedWithinSeconds(5, address(14))).as("once one of them closed").isTrue();
    }

    @Test
    void countsAnIpv6PeerByItsSlash64WhateverAddressItTakesInside() throws Exception {
        InboundConnectionLimit limit = new InboundConnectionLimit(() -> InboundLimits.DEFAULTS.withConnections(2, 2, 10));
        EmbeddedChannel first = connectedFrom("2001:db8:7:1::a", limit);
        EmbeddedChannel second = connectedFrom("2001:db8:7:1:ffff::b", limit);
        EmbeddedChannel otherNetwork = connectedFrom("2001:db8:7:2::a", limit);

        EmbeddedChannel third = connectedFrom("2001:db8:7:1:1234:5678:9abc:def0", limit);

        assertThat(first.isOpen() && second.isOpen() && otherNetwork.isOpen()).isTrue();
        assertThat(third.isOpen()).as("a third address of 2001:db8:7:1::/64").isFalse();
        first.close();
        assertThat(connectedFrom("2001:db8:7:1::c", limit).isOpen()).as("once one of them closed").isTrue();
    }

    @Test
    void namesTheNetworkAnAddressIsCountedIn() throws Exception {
        assertThat(InboundConnectionLimit.networkOf(InetAddress.getByName("192.0.2.77")))
                .isEqualTo(InetAddress.getByName("192.0.2.0"));
        assertThat(InboundConnectionLimit.networkOf(InetAddress.getByName("2001:db8:1:2:3:4:5:6")))
                .isEqualTo(InetAddress.getByName("2001:db8:1:2::"));
        assertThat(InboundConnectionLimit.networkOf(InetAddress.getByName("::ffff:198.51.100.9")))
                .as("an IPv4 address mapped into IPv6").isEqualTo(InetAddress.getByName("198.51.100.0"));
    }

    /** A channel, with the limit as its only handler, from {@code address}; closed at once when refused. */
    private static EmbeddedChannel connectedFrom(String address, InboundConnectionLimit limit) throws Exception {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(address), 5269);
        EmbeddedChannel channel = new EmbeddedChannel(false, false) {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
        channel.pipeline().addLast(limit);
        channel.register();
        return channel;
    }

    private static InboundLimits caps(int perAddress, int perNetwork, int inAll) {
        return InboundLimits.DEFAULTS.withConnections(perAddress, perNetwork, inAll);
    }

    private void start(InboundLimits caps) {
        ListenerConfig config = new ListenerConfig(LOOPBACK, 0, Set.of("example.com"), XmlLimits.DEFAULTS, caps);
        listener = S2sListener.start(config, new InboundConnectionLimit(() -> caps));
    }

    /** 127.0.0.{@code last}: an address of loopback's /24 of its own. */
    private static InetAddress address(int last) throws IOException {
        return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) last});
    }

    private Socket connect() throws IOException {
        return connect(LOOPBACK);
    }

    private Socket connect(InetAddress from) throws IOException {
        Socket socket = new Socket(LOOPBACK, listener.localAddress().getPort(), from, 0);
        socket.setSoTimeout(1000);
        sockets.add(socket);
        return socket;
    }

    /** Whether the server answers a stream header with its features on {@code socket}. */
    private static boolean answersHeader(Socket socket) throws IOException {
        send(socket, OPEN);
        return read(socket).endsWith(FEATURES);
    }

    /** Whether the stream is still open: a whitespace keepalive gets no answer, and no close either. */
    private static boolean stillOpen(Socket socket) throws IOException {
        send(socket, " ");
        return !closedByServer(socket);
    }

    /** Whether the server closed {@code socket} within the read timeout, without a byte. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException open) {
            return false;
        }
    }

    /** Whether a new connection is accepted within {@code seconds}; the server counts a close asynchronously. */
    private boolean acceptedWithinSeconds(int seconds) throws IOException {
        return acceptedWithinSeconds(seconds, LOOPBACK);
    }

    private boolean acceptedWithinSeconds(int seconds, InetAddress from) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Socket socket = connect(from);
            send(socket, OPEN);
            String answer = read(socket);
            if (answer.endsWith(FEATURES)) {
                return true;
            }
            socket.close();
        }
        return false;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** What arrives until the features or the end of the stream; empty when the server closed at once. */
    private static String read(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        int b;
        while (!received.toString(StandardCharsets.UTF_8).endsWith(FEATURES) && (b = in.read()) != -1) {
            received.write(b);
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
