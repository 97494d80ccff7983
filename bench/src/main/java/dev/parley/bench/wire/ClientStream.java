package dev.parley.bench.wire;

import dev.parley.bench.delivery.BodyStamp;
import dev.parley.bench.delivery.DeliveryRecorder;
import dev.parley.it.peers.wire.StreamReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A user of a peer logged in over a raw client stream (SASL PLAIN on loopback, bound to a fixed resource), whose
 * reader thread stamps every arriving message into a {@link DeliveryRecorder}. Raw rather than Smack, because the
 * receiving side must not be what limits the measurement: it only parses and records, and reports how much CPU
 * that took ({@link #readerCpuNanos()}) so that the report can show it was not the bottleneck.
 */
public final class ClientStream implements AutoCloseable {

    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Socket socket;
    private final StreamReader reader;
    private final DeliveryRecorder recorder;
    private volatile long readerThreadId = -1;
    private volatile String failure;

    private ClientStream(Socket socket, StreamReader reader, DeliveryRecorder recorder) {
        this.socket = socket;
        this.reader = reader;
        this.recorder = recorder;
    }

    /**
     * Logs {@code user@domain/resource} in at the address, announces presence, and starts recording what arrives.
     */
    public static ClientStream login(InetSocketAddress server, String domain, String user, String password,
                                     String resource, DeliveryRecorder recorder, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            StreamReader reader = openStream(in, out, domain);
            reader.nextTopLevel();
            reader.skip();
            String credentials = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            write(out, "<auth xmlns='" + SASL + "' mechanism='PLAIN'>" + credentials + "</auth>");
            reader.nextTopLevel();
            if (!"success".equals(reader.name())) {
                throw new IOException(user + "@" + domain + " could not log in: " + reader.describe());
            }
            reader.skip();
            reader = openStream(in, out, domain);
            reader.nextTopLevel();
            reader.skip();
            write(out, "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                    + "</resource></bind></iq>");
            awaitResult(reader, "bind");
            write(out, "<presence/>");
            socket.setSoTimeout(0);
            ClientStream client = new ClientStream(socket, reader, recorder);
            client.startReading(user + "@" + domain);
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends a stream header and reads the server's; a new reader, as after SASL the document starts again. */
    private static StreamReader openStream(InputStream in, OutputStream out, String domain) throws IOException {
        write(out, "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='" + domain + "' version='1.0'>");
        return StreamReader.open(in);
    }

    private static void awaitResult(StreamReader reader, String id) throws IOException {
        while (true) {
            reader.nextTopLevel();
            if ("iq".equals(reader.name()) && id.equals(reader.attribute("id"))) {
                boolean ok = "result".equals(reader.attribute("type"));
                String description = reader.describe();
                if (!ok) {
                    throw new IOException("the server refused " + id + ": " + description);
                }
                return;
            }
            reader.skip();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void startReading(String jid) {
        Thread thread = new Thread(this::read, "deliveries to " + jid);
        thread.setDaemon(true);
        readerThreadId = thread.getId();
        thread.start();
    }

    /** Messages are top-level; their body is a direct child. Everything else (presence, roster) is skipped. */
    private void read() {
        try {
            while (true) {
                reader.nextTopLevel();
                if ("message".equals(reader.name())) {
                    readMessage();
                } else {
                    reader.skip();
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                failure = e.getMessage();
            }
        }
    }

    private void readMessage() throws IOException {
        int messageDepth = 2;
        if ("error".equals(reader.attribute("type"))) {
            failure = "an error came back: " + reader.describe();
            return;
        }
        while (true) {
            int at = reader.nextStartWithin(messageDepth);
            if (at < 0) {
                return;
            }
            if (at == messageDepth + 1 && "body".equals(reader.name())) {
                BodyStamp stamp = BodyStamp.parse(reader.text());
                if (stamp != null) {
                    recorder.arrived(stamp);
                }
            } else {
                reader.skip();
            }
        }
    }

    /** The CPU time the reader thread used so far; asked from outside, as that costs a system call. */
    public long readerCpuNanos() {
        return Math.max(0, THREADS.getThreadCpuTime(readerThreadId));
    }

    /** Why reading stopped or what error arrived, if anything went wrong. */
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        try (socket) {
            write(socket.getOutputStream(), "</stream:stream>");
        } catch (IOException alreadyGone) {
            // the server closed first
        }
    }
}
