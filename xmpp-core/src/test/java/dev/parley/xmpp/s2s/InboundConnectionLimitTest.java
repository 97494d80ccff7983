package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound connection caps on real sockets on 127.0.0.1, with caps small enough to reach. */
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
        start(new InboundConnectionLimit(2, 100));
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
        start(new InboundConnectionLimit(100, 1));
        Socket first = connect();
        assertThat(answersHeader(first)).isTrue();

        assertThat(closedByServer(connect())).isTrue();
        assertThat(stillOpen(first)).isTrue();
    }

    private void start(InboundConnectionLimit limit) {
        listener = S2sListener.start(ListenerConfig.of(LOOPBACK, 0, Set.of("example.com")), limit);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(LOOPBACK, listener.localAddress().getPort());
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
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Socket socket = connect();
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
