package dev.parley.it.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay beside a loopback target, on its address (so that a name that resolves to the target reaches the relay
 * as well, and a certificate for that name still fits), whose relayed connections a test can cut abruptly (both
 * sides see a reset, as when the network between them fails) while both ends keep running, and whose new connections
 * it can refuse for a while, so that the link stays down until the test lets it come back.
 */
public final class CuttableRelay implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int BUFFER_BYTES = 8_192;

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final String name;
    private final AtomicInteger connections = new AtomicInteger();
    // guarded by this, like cuts and closed, so that a connection being set up cannot slip past a cut or close
    private final Set<Link> links = new HashSet<>();
    private int cuts;
    private boolean closed;
    private volatile boolean refusing;

    private CuttableRelay(InetSocketAddress target, ServerSocket server) {
        this.target = target;
        this.server = server;
        this.name = "relay on port " + server.getLocalPort() + " to " + target.getAddress().getHostAddress() + ":"
                + target.getPort();
    }

    /** Listens on a free port of the target's address and relays each connection to the target, on loopback. */
    public static CuttableRelay start(InetSocketAddress target) {
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("The relay only relays to loopback addresses, not to " + target);
        }
        ServerSocket server;
        try {
            server = new ServerSocket(0, 50, target.getAddress());
        } catch (IOException e) {
            throw new IllegalStateException("The relay cannot listen on " + target.getAddress().getHostAddress(), e);
        }
        CuttableRelay relay = new CuttableRelay(target, server);
        daemon(relay::acceptAll, relay.name + " accepting").start();
        return relay;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Resets every connection relayed now, on both sides, and returns once they are closed; connections accepted
     * afterwards are relayed again, unless the relay is {@linkplain #refuse refusing}.
     */
    public void cut() {
        List<Link> current;
        synchronized (this) {
            cuts++;
            current = new ArrayList<>(links);
            links.clear();
        }
        current.forEach(Link::reset);
    }

    /** Which way bytes travel through the relay. */
    public enum Direction { TO_TARGET, TO_CLIENT }

    /**
     * From now until the next {@link #cut}, what the connections relayed now carry in {@code direction} is lost, as
     * on a network that fails some time before either end notices: what one end writes meanwhile never arrives.
     */
    public void drop(Direction direction) {
        List<Link> current;
        synchronized (this) {
            current = new ArrayList<>(links);
        }
        current.forEach(link -> link.drop(direction));
    }

    /** While refusing, the relay resets each new connection as soon as it accepts it, without reaching the target. */
    public void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    /** The connections relayed to the target so far; refused ones, and ones the target did not accept, do not count. */
    public int connectionsSoFar() {
        return connections.get();
    }

    /** Stops listening and resets every relayed connection. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to free beyond the socket, which is closed either way
        }
        cut();
    }

    private void acceptAll() {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                continue; // one failed accept (a client that gave up, say) must not stop the relay
            }
            int cutsAtAccept;
            synchronized (this) {
                cutsAtAccept = cuts;
            }
            if (refusing) {
                reset(client);
            } else {
                relay(client, cutsAtAccept);
            }
        }
    }

    private void relay(Socket client, int cutsAtAccept) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            // the relay must not add Nagle's delays that the direct connection would not have
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException unreachable) {
            // the client sees what it would see with the target down: a reset
            reset(client);
            reset(upstream);
            return;
        }
        Link link;
        synchronized (this) {
            // accepted before a cut or close that could not see it yet: it goes down with the others
            if (closed || cuts != cutsAtAccept) {
                reset(client);
                reset(upstream);
                return;
            }
            link = new Link(client, upstream, connections.incrementAndGet());
            links.add(link);
        }
        link.start();
    }

    private synchronized void forget(Link link) {
        links.remove(link);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Closes with SO_LINGER 0, so that the peer gets a TCP RST rather than an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // closing again below is harmless
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the socket is released either way
        }
    }

    /** One relayed connection: the client's socket, the one to the target, and a pump for each direction. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final int number;
        private final AtomicInteger openDirections = new AtomicInteger(2);
        private volatile boolean dropToTarget;
        private volatile boolean dropToClient;

        Link(Socket client, Socket upstream, int number) {
            this.client = client;
            this.upstream = upstream;
            this.number = number;
        }

        void start() {
            daemon(() -> pump(client, upstream, Direction.TO_TARGET), name + " #" + number + " to target").start();
            daemon(() -> pump(upstream, client, Direction.TO_CLIENT), name + " #" + number + " to client").start();
        }

        void drop(Direction direction) {
            if (direction == Direction.TO_TARGET) {
                dropToTarget = true;
            } else {
                dropToClient = true;
            }
        }

        private boolean dropping(Direction direction) {
            return direction == Direction.TO_TARGET ? dropToTarget : dropToClient;
        }

        private void pump(Socket from, Socket to, Direction direction) {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    if (!dropping(direction)) {
                        out.write(buffer, 0, read);
                    }
                }
                // an orderly end travels on as one, half-closed streams included
                to.shutdownOutput();
                if (openDirections.decrementAndGet() == 0) {
                    forget(this);
                    closeQuietly(client);
                    closeQuietly(upstream);
                }
            } catch (IOException e) {
                // a cut closed the sockets under the pump, or one end reset: either way the other end sees a reset too
                reset();
            }
        }

        void reset() {
            forget(this);
            CuttableRelay.reset(client);
            CuttableRelay.reset(upstream);
        }
    }
}
