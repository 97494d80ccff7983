package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listener on real sockets, on the loopback address only. */
@Timeout(30)
class S2sListenerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String OPEN = RemotePeer.header("from='remote.example' to='example.com' version='1.0'");
    private static final String FEATURES = "<stream:features/>";

    private static ListenerConfig config(int port) {
        return ListenerConfig.of(LOOPBACK, port, Set.of("example.com"));
    }

    @Test
    void answersStreamHeaderWithFeaturesOverTcp() throws IOException {
        try (S2sListener listener = S2sListener.start(config(0)); Socket socket = connect(listener)) {
            send(socket, OPEN);

            StreamTranscript answer = StreamTranscript.parse(readUntilEndsWith(socket, FEATURES));

            assertThat(answer.header("from")).hasValue("example.com");
            assertThat(answer.header("to")).hasValue("remote.example");
            assertThat(answer.hasOnlyEmptyFeatures()).isTrue();
        }
    }

    @Test
    void closesStreamAndConnectionWhenPeerClosesOverTcp() throws IOException {
        try (S2sListener listener = S2sListener.start(config(0)); Socket socket = connect(listener)) {
            send(socket, OPEN + "</stream:stream>");

            StreamTranscript answer = StreamTranscript.parse(readToEnd(socket));

            assertThat(answer.closed()).isTrue();
            assertThat(answer.errorCondition()).isEmpty();
        }
    }

    @Test
    void endsOpenStreamsWithSystemShutdownOnClose() throws IOException {
        S2sListener listener = S2sListener.start(config(0));
        try (Socket socket = connect(listener)) {
            send(socket, OPEN);
            String opened = readUntilEndsWith(socket, FEATURES);

            listener.close();

            StreamTranscript answer = StreamTranscript.parse(opened + readToEnd(socket));
            assertThat(answer.errorCondition()).hasValue("system-shutdown");
            assertThat(answer.closed()).isTrue();
        }
    }

    @Test
    void releasesPortOnClose() throws IOException {
        S2sListener listener = S2sListener.start(config(0));
        int port = listener.localAddress().getPort();

        listener.close();

        try (ServerSocket rebound = new ServerSocket(port, 50, LOOPBACK)) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
        try (S2sListener again = S2sListener.start(config(port))) {
            assertThat(again.localAddress().getPort()).isEqualTo(port);
        }
    }

    @Test
    void failsWithAddressAndPortWhenPortIsInUse() throws IOException {
        try (ServerSocket occupant = new ServerSocket(0, 50, LOOPBACK)) {
            int port = occupant.getLocalPort();

            assertThatThrownBy(() -> S2sListener.start(config(port)))
                    .isInstanceOf(ListenerBindException.class)
                    .hasMessageContaining(LOOPBACK.getHostAddress() + ":" + port);
        }
    }

    @Test
    void leavesSharedEventLoopGroupRunningOnClose() throws Exception {
        EventLoopGroup shared = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            S2sListener listener = S2sListener.start(config(0), shared);
            int port = listener.localAddress().getPort();

            listener.close();

            assertThat(shared.isShuttingDown()).isFalse();
            try (ServerSocket rebound = new ServerSocket(port, 50, LOOPBACK)) {
                assertThat(rebound.isBound()).isTrue();
            }
        } finally {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static Socket connect(S2sListener listener) throws IOException {
        assertThat(listener.localAddress().getAddress().isLoopbackAddress()).isTrue();
        Socket socket = new Socket(listener.localAddress().getAddress(), listener.localAddress().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until what arrived ends with {@code suffix}; fails by timeout otherwise. */
    private static String readUntilEndsWith(Socket socket, String suffix) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!received.toString(StandardCharsets.UTF_8).endsWith(suffix)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after: " + received.toString(StandardCharsets.UTF_8));
            }
            received.write(b);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static String readToEnd(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
