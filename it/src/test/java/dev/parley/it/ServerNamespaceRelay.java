package dev.parley.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lets a scanner that speaks XMPP's STARTTLS only as a client ({@code jabber:client}, as testssl.sh 3.0 and OpenSSL's
 * {@code -starttls xmpp} do) reach an S2S port: on each connection it changes the stream header's namespace to
 * {@code jabber:server} (the same length) until the scanner has asked for STARTTLS, and from then on relays every byte
 * unchanged either way, so that the TLS handshakes scanned are the S2S port's own. Loopback only.
 */
final class ServerNamespaceRelay implements AutoCloseable {

    private static final byte[] CLIENT = "jabber:client".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER = "jabber:server".getBytes(StandardCharsets.US_ASCII);
    /** A TLS record's first byte, a handshake: a scanner that starts TLS at once needs no translation. */
    private static final int TLS_HANDSHAKE = 0x16;

    private final ServerSocket server;
    private final InetSocketAddress target;

    private ServerNamespaceRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free port of {@code address} and relays to {@code target}; both on loopback. */
    static ServerNamespaceRelay start(InetAddress address, InetSocketAddress target) throws IOException {
        if (!address.isLoopbackAddress() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + address + " to " + target);
        }
        ServerNamespaceRelay relay = new ServerNamespaceRelay(new ServerSocket(0, 100, address), target);
        daemon(relay::acceptAll, "namespace relay accepting").start();
        return relay;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                daemon(() -> toTarget(client, upstream), "namespace relay to target").start();
                daemon(() -> copy(upstream, client), "namespace relay to scanner").start();
            } catch (IOException e) {
                // the server socket closed, or the target refused one connection: the next accept goes on or ends
            }
        }
    }

    /** What the scanner writes: its plain-text part up to the STARTTLS request translated, the rest as it is. */
    private static void toTarget(Socket client, Socket upstream) {
        try (client; upstream) {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (plain.size() == 0 && b == TLS_HANDSHAKE) {
                    out.write(b);
                    break;
                }
                plain.write(b);
                if (b == '>') {
                    byte[] element = translated(plain.toByteArray());
                    out.write(element);
                    out.flush();
                    plain.reset();
                    if (new String(element, StandardCharsets.US_ASCII).contains("<starttls")) {
                        break;
                    }
                }
            }
            out.write(plain.toByteArray());
            in.transferTo(out);
        } catch (IOException closed) {
            // either side went away: so does the other
        }
    }

    private static byte[] translated(byte[] text) {
        for (int i = 0; i + CLIENT.length <= text.length; i++) {
            if (Arrays.equals(text, i, i + CLIENT.length, CLIENT, 0, CLIENT.length)) {
                System.arraycopy(SERVER, 0, text, i, SERVER.length);
            }
        }
        return text;
    }

    private static void copy(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // either side went away: so does the other
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
