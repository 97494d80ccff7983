package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.StreamTranscript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** A hand-driven remote server on a plain socket to 127.0.0.1, for saying what a real engine would not. */
final class RawServer implements AutoCloseable {

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    RawServer(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
    }

    RawServer send(String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** Opens a stream from {@code from} to {@code to} that may use dialback; returns once the features came. */
    StreamTranscript openDialbackStream(String from, String to) throws IOException {
        send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='" + from + "' to='" + to + "' version='1.0'"));
        return readUntil(transcript -> !transcript.children().isEmpty());
    }

    /** Reads until what arrived parses to a transcript that {@code done} accepts; fails after 5 s of silence. */
    StreamTranscript readUntil(Predicate<StreamTranscript> done) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            StreamTranscript transcript = parsed();
            if (transcript != null && (done.test(transcript) || transcript.closed())) {
                return transcript;
            }
            int read = in.read(buffer);
            if (read < 0) {
                return StreamTranscript.parse(received.toString(StandardCharsets.UTF_8));
            }
            received.write(buffer, 0, read);
        }
    }

    private StreamTranscript parsed() {
        try {
            return StreamTranscript.parse(received.toString(StandardCharsets.UTF_8));
        } catch (AssertionError incomplete) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
