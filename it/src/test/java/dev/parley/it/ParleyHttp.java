package dev.parley.it;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Talks to the test server's HTTP ports as an administrator, a script or an anonymous caller would. */
final class ParleyHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String authorization;

    private ParleyHttp(String authorization) {
        this.authorization = authorization;
    }

    static ParleyHttp asAdmin() {
        return as(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));
    }

    static ParleyHttp asIntegration() {
        return as(ItEnvironment.INTEGRATION_USER, System.getProperty(ItEnvironment.INTEGRATION_PASSWORD));
    }

    static ParleyHttp as(String user, String password) {
        return new ParleyHttp("Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ParleyHttp anonymous() {
        return new ParleyHttp(null);
    }

    static URI app(String path) {
        return URI.create("http://" + ItEnvironment.address() + ":" + ItEnvironment.HTTP_PORT + path);
    }

    static URI management(String path) {
        return URI.create("http://" + ItEnvironment.address() + ":" + ItEnvironment.MANAGEMENT_PORT + path);
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET());
    }

    /** A GET asking for {@code mediaType}, e.g. text/csv. */
    HttpResponse<String> get(URI uri, String mediaType) throws IOException, InterruptedException {
        return send(request(uri).header("Accept", mediaType).GET());
    }

    HttpResponse<String> put(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST of a CSV file, as {@code curl --data-binary @file -H 'Content-Type: text/csv'} sends it. */
    HttpResponse<String> postText(URI uri, String csv) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    HttpResponse<String> delete(URI uri) throws IOException, InterruptedException {
        return send(request(uri).DELETE());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }
}
