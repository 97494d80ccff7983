package dev.parley.it.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay against an echo server of its own: what the client sends comes back only through both directions. */
@Timeout(30)
class CuttableRelayTest {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private EchoServer echo;
    private CuttableRelay relay;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        relay = CuttableRelay.start(echo.address());
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        echo.close();
    }

    @Test
    void relaysBytesBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "and again")).isEqualTo("and again");
        }
        assertThat(relay.connectionsSoFar()).isEqualTo(1);
    }

    @Test
    void cutEndsBothSidesAndTheNextConnectionIsRelayedAgain() throws Exception {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before the cut")).isEqualTo("before the cut");

            relay.cut();

            assertThat(ended(client)).as("the client's connection ended").isTrue();
            assertThat(echo.awaitEnded()).as("the target's connection ended").isTrue();
        }
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "after the cut")).isEqualTo("after the cut");
        }
        assertThat(relay.connectionsSoFar()).isEqualTo(2);
    }

    @Test
    void refusingClosesNewConnectionsAtOnceUntilItStops() throws IOException {
        relay.refuse(true);
        assertThat(endsAtOnce()).as("the refused connection ended").isTrue();
        assertThat(relay.connectionsSoFar()).isZero();

        relay.refuse(false);
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "let through")).isEqualTo("let through");
        }
        assertThat(relay.connectionsSoFar()).isEqualTo(1);
    }

    @Test
    void anOrderlyCloseTravelsAsOne() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "bye")).isEqualTo("bye");
            client.shutdownOutput();
            assertThat(client.getInputStream().read()).as("the echo server's own end, relayed").isEqualTo(-1);
        }
    }

    @Test
    void closeStopsListeningAndEndsTheConnections() throws Exception {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before closing")).isEqualTo("before closing");

            relay.close();

            assertThat(ended(client)).isTrue();
            assertThat(echo.awaitEnded()).isTrue();
        }
        // Its port is free again. (A connect attempt could not tell: the kernel may hand the client that very port and
        // connect the socket to itself.) The relay's ended connections on that port may take the kernel a moment.
        assertThat(bindsWithin(relay.port(), Duration.ofSeconds(5))).as("the port is free again").isTrue();
    }

    private static boolean bindsWithin(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (ServerSocket again = new ServerSocket(port, 1, loopback())) {
                return again.getLocalPort() == port;
            } catch (IOException inUse) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void whatTravelsOneWayIsLostUntilTheCut() throws Exception {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");

            relay.drop(CuttableRelay.Direction.TO_CLIENT);
            client.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
            client.setSoTimeout(300);
            assertThat(ended(client)).as("nothing came back, and the connection still stands").isFalse();

            relay.cut();
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            assertThat(ended(client)).isTrue();
        }
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "after the cut")).isEqualTo("after the cut");
        }
    }

    @Test
    void relaysOnlyToLoopback() {
        assertThatThrownBy(() -> CuttableRelay.start(new InetSocketAddress("192.0.2.1", 5275)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(loopback(), relay.port()), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private boolean endsAtOnce() throws IOException {
        try (Socket client = connect()) {
            return ended(client);
        } catch (ConnectException notListening) {
            throw notListening;
        } catch (SocketException resetWhileConnecting) {
            // the relay's reset can overtake the end of the client's connect
            return true;
        }
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(sent);
        byte[] received = client.getInputStream().readNBytes(sent.length);
        return new String(received, StandardCharsets.UTF_8);
    }

    /** Whether the peer ended the connection, orderly or by a reset; a read that times out means it is still up. */
    private static boolean ended(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillUp) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    /** Sends back whatever it reads, and counts the connections that ended, whichever way they did. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket server;
        private final Semaphore ended = new Semaphore(0);

        EchoServer() throws IOException {
            server = new ServerSocket(0, 50, loopback());
            Thread acceptor = new Thread(this::acceptAll, "echo server accepting");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        }

        boolean awaitEnded() throws InterruptedException {
            return ended.tryAcquire(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread echo = new Thread(() -> echo(socket), "echo server connection");
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void echo(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException reset) {
                // the relay was cut: this connection ends like one that was closed
            } finally {
                ended.release();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
