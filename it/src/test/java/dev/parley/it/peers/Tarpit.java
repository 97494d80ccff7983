package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server that takes TCP connections and never says a word: not a stream header, not a close. A sender learns that
 * the domain is dead only from its own timeouts, which is what makes such a domain slow rather than failing.
 */
public final class Tarpit implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private Tarpit(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on {@code address:port} until closed, holding every connection open unread. */
    public static Tarpit listen(InetAddress address, int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(address, port));
            Tarpit tarpit = new Tarpit(listener);
            Thread acceptor = new Thread(tarpit::hold, "tarpit " + address.getHostAddress() + ":" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return tarpit;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address + ":" + port, e);
        }
    }

    private void hold() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    /** How many connections it took so far. */
    public int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
