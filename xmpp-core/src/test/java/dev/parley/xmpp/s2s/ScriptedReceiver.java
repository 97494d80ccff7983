package dev.parley.xmpp.s2s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A receiving server played by hand on a plain socket, for tests that need one that misbehaves after the
 * handshake: it answers the engine's stream header, accepts its dialback request, then does what the test says.
 */
final class ScriptedReceiver {

    private ScriptedReceiver() {
    }

    /**
     * Plays {@code domain} up to {@code db:result type='valid'} for {@code localDomain}: reads our header, answers with
     * its own offering dialback, reads our request and says valid. Returns what the engine wrote meanwhile.
     */
    static String acceptDialback(Socket socket, String domain, String localDomain) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder(readUntil(in, "xml:lang='en'>"));
        write(socket, "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                + " from='" + domain + "' id='scripted-1' version='1.0'><stream:features>"
                + "<dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback></stream:features>");
        seen.append(readUntil(in, "</db:result>"));
        write(socket, "<db:result type='valid' from='" + domain + "' to='" + localDomain + "'/>");
        return seen.toString();
    }

    /** Reads byte by byte until {@code marker} has arrived; returns everything read. */
    static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.UTF_8).endsWith(marker)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed before " + marker + ": " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(next);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    static void write(Socket socket, String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
