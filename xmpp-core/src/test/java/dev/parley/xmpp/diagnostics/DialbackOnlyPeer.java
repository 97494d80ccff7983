package dev.parley.xmpp.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-driven remote server on 127.0.0.1 that offers dialback and no TLS, accepts every {@code db:result} as valid
 * without verifying it, and answers XEP-0199 pings as told: never, or with an error. It closes a stream when the other
 * side closes its own. For saying what a real engine would not.
 */
final class DialbackOnlyPeer implements AutoCloseable {

    /** How the peer answers a ping. */
    enum PingAnswer {
        NEVER,
        SERVICE_UNAVAILABLE
    }

    private static final Pattern HEADER = Pattern.compile("<stream:stream[^>]*>");
    private static final Pattern PING = Pattern.compile("<iq [^>]*\\bid='([^']+)'[^>]*>\\s*<ping xmlns='urn:xmpp:ping'");

    private final String domain;
    private final String localDomain;
    private final PingAnswer pingAnswer;
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger streams = new AtomicInteger();
    /** What each connection sent, in the order they were accepted. */
    private final List<StringBuilder> transcripts = new CopyOnWriteArrayList<>();

    /** {@code domain} is this peer's; {@code localDomain} the one it takes the engine's db:result for. */
    DialbackOnlyPeer(String domain, String localDomain, PingAnswer pingAnswer) throws IOException {
        this.domain = domain;
        this.localDomain = localDomain;
        this.pingAnswer = pingAnswer;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "dialback-only-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** What each connection sent so far, in the order they came. */
    List<String> transcripts() {
        return transcripts.stream().map(transcript -> {
            synchronized (transcript) {
                return transcript.toString();
            }
        }).toList();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                connections.add(socket);
                Thread conversation = new Thread(() -> converse(socket), "dialback-only-peer-stream");
                conversation.setDaemon(true);
                conversation.start();
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    private void converse(Socket socket) {
        StringBuilder transcript = new StringBuilder();
        transcripts.add(transcript);
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            boolean opened = false;
            boolean validated = false;
            int pingsSeen = 0;
            byte[] buffer = new byte[4096];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                String received;
                synchronized (transcript) {
                    transcript.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    received = transcript.toString();
                }
                if (!opened && HEADER.matcher(received).find()) {
                    opened = true;
                    write(out, "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                            + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                            + " from='" + domain + "' id='" + domain + "-" + streams.incrementAndGet() + "' version='1.0'>"
                            + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback>"
                            + "</stream:features>");
                }
                if (!validated && received.contains("</db:result>")) {
                    validated = true;
                    write(out, "<db:result type='valid' from='" + domain + "' to='" + localDomain + "'/>");
                }
                Matcher pings = PING.matcher(received);
                int pingsNow = 0;
                while (pings.find()) {
                    if (++pingsNow > pingsSeen && pingAnswer == PingAnswer.SERVICE_UNAVAILABLE) {
                        write(out, "<iq type='error' id='" + pings.group(1) + "' from='" + domain + "' to='"
                                + localDomain + "'><ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no pings here</text></error></iq>");
                    }
                }
                pingsSeen = pingsNow;
                if (received.contains("</stream:stream>")) {
                    write(out, "</stream:stream>");
                    return;
                }
            }
        } catch (SocketException closed) {
            // Closed by the other side, or by the test.
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
