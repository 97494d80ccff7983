package dev.parley.bench.deployed;

import dev.parley.bench.server.ProvisionedServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What an administrator does through the API before traffic can flow: users, a certificate, federation on, a domain
 * authorized.
 */
final class ParleyApi {

    private final ProvisionedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ParleyApi(ProvisionedServer server) {
        this.server = server;
    }

    void createUser(String name, String password) throws IOException, InterruptedException {
        call("POST", "/api/admin/users", "{\"userName\": \"" + name + "\", \"displayName\": \"" + name
                + "\", \"password\": \"" + password + "\"}", 201);
    }

    /** A self-signed certificate for {@code domain}, as an administrator trying Parley out creates one. */
    void installSelfSignedCertificate(String domain) throws IOException, InterruptedException {
        call("POST", "/api/admin/certificate/self-signed", "{\"algorithm\": \"EC_P256\", \"dnsNames\": [\"" + domain
                + "\"]}", 200);
    }

    /**
     * Federation on, on the server's own address, every stream in TLS: the peers' certificates (and Parley's
     * self-signed one) are not judged, dialback authenticates.
     */
    void federate() throws IOException, InterruptedException {
        call("PUT", "/api/admin/settings", "{\"enabled\": true, \"mode\": \"DIRECT\", \"s2sPort\": 5269,"
                + " \"s2sBindAddress\": \"" + server.address() + "\", \"proxyPort\": 5275,"
                + " \"tlsPolicy\": \"REQUIRED_IGNORE_CERT_ERRORS\","
                + " \"maxLevel\": \"PERSONAL\", \"outboundRetryWindow\": 600,"
                + " \"privateFederation\": true}", 200);
    }

    void authorize(String domain) throws IOException, InterruptedException {
        call("POST", "/api/admin/authorizations", "{\"pattern\": \"" + domain + "\", \"protocol\": \"XMPP\","
                + " \"level\": \"PUBLIC\", \"tlsPolicy\": null, \"note\": \"benchmark\"}", 201);
    }

    private void call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(server.app(path))
                .header("Authorization", server.adminAuthorization()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }
}
