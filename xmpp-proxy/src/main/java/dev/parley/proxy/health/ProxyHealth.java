package dev.parley.proxy.health;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The HTTP endpoint {@code GET /health} on the JDK's own HTTP server (no dependency for one URL): 200 with the
 * report as JSON when the proxy is {@link ProxyHealthReport#healthy() healthy}, 503 with it when not. Plain HTTP:
 * bind it to loopback or a management network.
 */
public final class ProxyHealth implements AutoCloseable {

    private final HttpServer server;

    private ProxyHealth(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code address} and {@code port} (0 for any free one) and answers each request with a fresh
     * report from {@code reports}.
     *
     * @throws IOException when the address cannot be bound (taken, or not local)
     */
    public static ProxyHealth start(InetAddress address, int port, Supplier<ProxyHealthReport> reports) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", new HealthHandler(reports));
        server.start();
        return new ProxyHealth(server);
    }

    /** The port listened on: the one asked for, or the one chosen for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once; a request being answered is cut off. */
    @Override
    public void close() {
        server.stop(0);
    }
}
