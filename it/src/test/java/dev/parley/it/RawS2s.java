package dev.parley.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The test server's S2S port as a remote server's first bytes see it: a plain socket and a stream header. */
final class RawS2s {

    static final String STREAMS = "http://etherx.jabber.org/streams";

    private RawS2s() {
    }

    /** A stream header from {@code remote.example} to {@code to}. */
    static String header(String to) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='" + STREAMS
                + "' from='remote.example' to='" + to + "' version='1.0'>";
    }

    /** Whether something accepts TCP connections on the test server's address and this port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.address(), port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A port nothing listens on at the test server's address. */
    static int freePort() throws IOException {
        return freePort(ItEnvironment.loopback(ItEnvironment.address()));
    }

    /** A port nothing listens on at {@code address}. */
    static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    /** Sends the text to the standard S2S port and reads until one of the markers arrived or the server closed. */
    static String exchange(String send, String... untilAny) throws Exception {
        return exchange(ItEnvironment.S2S_PORT, send, untilAny);
    }

    /** Sends the text to this port of the test server's address; see {@link #exchange(InetSocketAddress, String, String...)}. */
    static String exchange(int port, String send, String... untilAny) throws Exception {
        return exchange(new InetSocketAddress(ItEnvironment.address(), port), send, untilAny);
    }

    /** Sends the text and reads until one of the markers arrived or the server closed the stream. */
    static String exchange(InetSocketAddress server, String send, String... untilAny) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(send.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) != -1) {
                received.write(buffer, 0, read);
                String text = received.toString(StandardCharsets.UTF_8);
                for (String marker : untilAny) {
                    if (text.contains(marker)) {
                        return text;
                    }
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
