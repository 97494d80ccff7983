package dev.parley.proxy.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.parley.proxy.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Answers {@code GET /health} with the report; 404 for any other path, 405 for any other method. */
final class HealthHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(HealthHandler.class.getName());

    private final Supplier<ProxyHealthReport> reports;

    HealthHandler(Supplier<ProxyHealthReport> reports) {
        this.reports = reports;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals("/health")) {
                exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(HttpURLConnection.HTTP_BAD_METHOD, -1);
            } else {
                answer(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        ProxyHealthReport report;
        try {
            report = reports.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The health report could not be made", e);
            exchange.sendResponseHeaders(HttpURLConnection.HTTP_INTERNAL_ERROR, -1);
            return;
        }
        byte[] body = (json(report) + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(report.healthy() ? HttpURLConnection.HTTP_OK : HttpURLConnection.HTTP_UNAVAILABLE,
                body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String json(ProxyHealthReport report) {
        return new JsonObject()
                .add("healthy", report.healthy())
                .add("s2sListening", report.s2sListening())
                .add("inboundSessions", report.inboundSessions())
                .add("outboundSessions", report.outboundSessions())
                .add("linkUp", report.linkUp())
                .add("linkProblem", report.linkProblem().orElse(null))
                .toString();
    }
}
