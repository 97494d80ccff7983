package dev.parley.proxy.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProxyHealthTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProxyHealthReport LINK_DOWN =
            new ProxyHealthReport(false, Optional.of("no link from Parley yet: \"refused\""), 2, 3, true);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ProxyHealth health;

    @AfterEach
    void stop() {
        if (health != null) {
            health.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void start(Supplier<ProxyHealthReport> reports) throws IOException {
        health = ProxyHealth.start(LOOPBACK, 0, reports);
    }

    @Test
    void answersWithTheReportAsJson() throws Exception {
        start(() -> LINK_DOWN);

        HttpResponse<String> response = send("GET", "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"healthy\":true,\"s2sListening\":true,\"inboundSessions\":2,"
                + "\"outboundSessions\":3,\"linkUp\":false,\"linkProblem\":\"no link from Parley yet: \\\"refused\\\"\"}\n");
    }

    @Test
    void writesNullForALinkWithoutProblem() throws Exception {
        start(() -> new ProxyHealthReport(true, Optional.empty(), 0, 0, true));

        assertThat(send("GET", "/health").body()).endsWith("\"linkUp\":true,\"linkProblem\":null}\n");
    }

    @Test
    void answers503WhenTheS2sListenerIsNotListening() throws Exception {
        start(() -> new ProxyHealthReport(true, Optional.empty(), 0, 0, false));

        HttpResponse<String> response = send("GET", "/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("{\"healthy\":false,\"s2sListening\":false,");
    }

    @Test
    void asksForAFreshReportOnEveryRequest() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        start(() -> new ProxyHealthReport(true, Optional.empty(), sessions.incrementAndGet(), 0, true));

        assertThat(send("GET", "/health").body()).contains("\"inboundSessions\":1,");
        assertThat(send("GET", "/health").body()).contains("\"inboundSessions\":2,");
    }

    @Test
    void answers500WhenNoReportCanBeMade() throws Exception {
        start(() -> {
            throw new IllegalStateException("engine gone");
        });

        assertThat(send("GET", "/health").statusCode()).isEqualTo(500);
    }

    @Test
    void answers404ForOtherPathsAnd405ForOtherMethods() throws Exception {
        start(() -> LINK_DOWN);

        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/health/more").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/health");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(send("DELETE", "/health").statusCode()).isEqualTo(405);
    }

    @Test
    void stopsListeningWhenClosed() throws Exception {
        start(() -> LINK_DOWN);
        int port = health.port();

        health.close();

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        health = null;
    }

    @Test
    void aReportRefusesNegativeSessionCounts() {
        assertThatThrownBy(() -> new ProxyHealthReport(true, Optional.empty(), -1, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
