package dev.parley.it.peers.wire;

import dev.parley.xmpp.dialback.DialbackKeys;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One S2S stream from a sender domain to a target, opened and authenticated by Server Dialback (XEP-0220) over
 * plaintext or after STARTTLS, written to directly by the load generator. The key comes from the sender domain's own
 * {@link DialbackKeys}, so that the sender domain's server (an engine with the same secret) confirms it when the
 * target asks. Blocking writes are the back-pressure: the generator can send only as fast as the target reads.
 *
 * <p>With TLS, STARTTLS goes between the first features and the {@code db:result}; the key is then computed for the
 * restarted stream's id.
 */
public final class DialbackStream implements AutoCloseable {

    private static final String DIALBACK = "jabber:server:dialback";
    /** A small send buffer, so that what the generator counts as accepted is near what the target took. */
    private static final int SEND_BUFFER = 64 * 1024;
    private static final int WRITE_BUFFER = 8 * 1024;

    private final Socket socket;
    private final StreamReader reader;
    private final OutputStream out;
    private final AtomicReference<String> failure = new AtomicReference<>();

    private DialbackStream(Socket socket, StreamReader reader, OutputStream out) {
        this.socket = socket;
        this.reader = reader;
        this.out = out;
    }

    /**
     * Connects, opens the stream, negotiates TLS first when {@code tls} is given, and returns once the target said
     * the dialback key is valid.
     */
    public static DialbackStream open(InetSocketAddress target, String from, String to, DialbackKeys keys,
                                      Duration timeout, Optional<StartTls> tls) throws IOException {
        return open(target, Optional.empty(), from, to, keys, timeout, tls);
    }

    /** As {@link #open(InetSocketAddress, String, String, DialbackKeys, Duration, Optional)}, from {@code source}. */
    public static DialbackStream open(InetSocketAddress target, Optional<InetAddress> source, String from, String to,
                                      DialbackKeys keys, Duration timeout, Optional<StartTls> tls) throws IOException {
        Socket socket = new Socket();
        try {
            if (source.isPresent()) {
                socket.bind(new InetSocketAddress(source.get(), 0));
            }
            socket.setSendBufferSize(SEND_BUFFER);
            socket.setTcpNoDelay(true);
            socket.connect(target, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER);
            StreamReader reader = openStream(socket.getInputStream(), out, from, to);
            if (tls.isPresent()) {
                requireStartTls(reader, to);
                write(out, "<starttls xmlns='" + StartTls.NAMESPACE + "'/>");
                reader.nextTopLevel();
                if (!"proceed".equals(reader.name())) {
                    throw new IOException(to + " answered STARTTLS with " + reader.describe());
                }
                // nothing more comes in the clear: the next bytes are the TLS handshake
                socket = tls.get().handshake(socket, to);
                out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER);
                reader = openStream(socket.getInputStream(), out, from, to);
            }
            String streamId = reader.streamAttribute("id");
            if (streamId == null) {
                throw new IOException(to + " sent a stream header without an id");
            }
            requireFeatures(reader, to);
            write(out, "<db:result from='" + from + "' to='" + to + "'>" + keys.key(to, from, streamId) + "</db:result>");
            awaitValid(reader, to);
            socket.setSoTimeout(0);
            return new DialbackStream(socket, reader, out);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends our stream header and reads the target's; a new reader, since a restarted stream is a new document. */
    private static StreamReader openStream(InputStream in, OutputStream out, String from, String to) throws IOException {
        write(out, "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='" + DIALBACK + "'"
                + " from='" + from + "' to='" + to + "' version='1.0'>");
        return StreamReader.open(in);
    }

    /** Reads the features and fails unless they offer STARTTLS. */
    private static void requireStartTls(StreamReader reader, String to) throws IOException {
        reader.nextTopLevel();
        if (!"features".equals(reader.name())) {
            throw new IOException(to + " sent " + reader.describe() + " instead of stream features");
        }
        boolean offered = false;
        for (int at = reader.nextStartWithin(2); at > 0; at = reader.nextStartWithin(2)) {
            offered |= at == 3 && "starttls".equals(reader.name()) && StartTls.NAMESPACE.equals(reader.namespace());
        }
        if (!offered) {
            throw new IOException(to + " does not offer STARTTLS");
        }
    }

    private static void requireFeatures(StreamReader reader, String to) throws IOException {
        reader.nextTopLevel();
        if (!"features".equals(reader.name())) {
            throw new IOException(to + " sent " + reader.describe() + " instead of stream features");
        }
        reader.skip();
    }

    private static void awaitValid(StreamReader reader, String to) throws IOException {
        while (true) {
            reader.nextTopLevel();
            if ("result".equals(reader.name()) && DIALBACK.equals(reader.namespace())) {
                if ("valid".equals(reader.attribute("type"))) {
                    reader.skip();
                    return;
                }
                throw new IOException(to + " refused the dialback key: " + reader.describe());
            }
            if ("error".equals(reader.name())) {
                throw new IOException(to + " ended the stream during dialback: " + reader.describe());
            }
            reader.skip();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads what the target sends from now on in a thread of its own, so that a stream error during the load
     * shows up in {@link #failure()} instead of as a write that merely blocks.
     */
    public void watch() {
        Thread watcher = new Thread(() -> {
            try {
                while (true) {
                    reader.nextTopLevel();
                    if ("error".equals(reader.name())) {
                        failure.compareAndSet(null, "stream error " + reader.describe());
                        return;
                    }
                    reader.skip();
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    failure.compareAndSet(null, e.getMessage());
                }
            }
        }, "watch " + socket.getRemoteSocketAddress());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The buffered stream to write stanzas to; flush to make them leave. */
    public OutputStream out() {
        return out;
    }

    /** Why the target ended the stream, once it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Ends the stream politely and closes the connection. */
    @Override
    public void close() {
        try (socket) {
            write(out, "</stream:stream>");
        } catch (IOException alreadyGone) {
            // the target closed first; nothing left to end
        }
    }
}
