package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What an administrator does through the REST API in the federation tests: settings, authorizations, archive, audit. */
final class ParleyAdmin {

    static final URI SETTINGS = ParleyHttp.app("/api/admin/settings");
    static final URI AUTHORIZATIONS = ParleyHttp.app("/api/admin/authorizations");

    private ParleyAdmin() {
    }

    /**
     * The federation settings of a test: direct mode on the test server's own address.
     *
     * @param retryWindowSeconds how long outbound stanzas for an unreachable domain are retried
     */
    /**
     * The settings a test asks for; {@code proxy} set means proxy mode, through that proxy. Private federation is on
     * unless a test turns it off: every peer of the tests is on loopback.
     */
    record Federation(boolean enabled, int port, String tlsPolicy, int retryWindowSeconds, Optional<Proxy> proxy,
                      boolean privateFederation) {

        /** Where proxy mode's proxy listens for Parley's link, the password they share, and whether in TLS. */
        record Proxy(String host, int port, String password, boolean tls) {
        }

        static Federation on() {
            return new Federation(true, ItEnvironment.S2S_PORT, "OPTIONAL", 0, Optional.empty(), true);
        }

        Federation off() {
            return new Federation(false, port, tlsPolicy, retryWindowSeconds, proxy, privateFederation);
        }

        Federation withPort(int newPort) {
            return new Federation(enabled, newPort, tlsPolicy, retryWindowSeconds, proxy, privateFederation);
        }

        Federation withTlsPolicy(String policy) {
            return new Federation(enabled, port, policy, retryWindowSeconds, proxy, privateFederation);
        }

        Federation withRetryWindow(int seconds) {
            return new Federation(enabled, port, tlsPolicy, seconds, proxy, privateFederation);
        }

        /** Proxy mode, linked to the proxy at {@code host:port} with {@code password}, in plain TCP. */
        Federation throughProxy(String host, int proxyPort, String password) {
            return new Federation(enabled, port, tlsPolicy, retryWindowSeconds,
                    Optional.of(new Proxy(host, proxyPort, password, false)), privateFederation);
        }

        /** Proxy mode, linked to the proxy at {@code host:port} with {@code password}, inside TLS. */
        Federation throughProxyWithTls(String host, int proxyPort, String password) {
            return new Federation(enabled, port, tlsPolicy, retryWindowSeconds,
                    Optional.of(new Proxy(host, proxyPort, password, true)), privateFederation);
        }

        /** Remote servers at loopback, link-local or private-network addresses are not connected to. */
        Federation publicAddressesOnly() {
            return new Federation(enabled, port, tlsPolicy, retryWindowSeconds, proxy, false);
        }

        String json(String bindAddress) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("enabled", enabled).add("mode", proxy.isPresent() ? "PROXY" : "DIRECT")
                    .add("s2sPort", port).add("s2sBindAddress", bindAddress)
                    .add("proxyPort", proxy.map(Proxy::port).orElse(5275)).add("tlsPolicy", tlsPolicy)
                    .add("maxLevel", "PERSONAL").add("outboundRetryWindow", retryWindowSeconds)
                    .add("privateFederation", privateFederation);
            proxy.ifPresent(link -> json.add("proxyHost", link.host()).add("proxyPassword", link.password())
                    .add("proxyTls", link.tls()));
            return json.build().toString();
        }
    }

    static HttpResponse<String> trySettings(Federation federation, String bindAddress) throws Exception {
        return ParleyHttp.asAdmin().put(SETTINGS, federation.json(bindAddress));
    }

    static void settings(Federation federation) throws Exception {
        HttpResponse<String> response = trySettings(federation, ItEnvironment.address());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Off and on again: every S2S stream ends, so what a test sends next opens streams under its own settings. */
    static void restartFederation(Federation federation) throws Exception {
        settings(federation.off());
        settings(federation);
    }

    /** What federation is doing now: {@code GET /api/admin/federation}. */
    static JsonObject federationStatus() throws Exception {
        HttpResponse<String> response = ParleyHttp.asAdmin().get(ParleyHttp.app("/api/admin/federation"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (JsonObject) ParleyHttp.json(response);
    }

    /** Creates an XMPP domain authorization and returns its id. */
    static long authorize(String pattern, String level, String tlsPolicy) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("pattern", pattern).add("protocol", "XMPP")
                .add("level", level).add("note", "federation test");
        body = tlsPolicy == null ? body.addNull("tlsPolicy") : body.add("tlsPolicy", tlsPolicy);
        HttpResponse<String> response = ParleyHttp.asAdmin().post(AUTHORIZATIONS, body.build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ((JsonObject) ParleyHttp.json(response)).getJsonNumber("id").longValue();
    }

    /** Changes the level of authorization {@code id}, as read now. */
    static void changeLevel(long id, String level) throws Exception {
        URI authorization = URI.create(AUTHORIZATIONS + "/" + id);
        JsonObject current = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(authorization));
        HttpResponse<String> response = ParleyHttp.asAdmin().put(authorization,
                Json.createObjectBuilder(current).add("level", level).build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Removes every authorization of a {@code .test} domain, leaving the shipped public ones alone. */
    static void revokeTestAuthorizations() throws Exception {
        JsonArray all = (JsonArray) ParleyHttp.json(ParleyHttp.asAdmin().get(AUTHORIZATIONS));
        for (JsonObject authorization : all.getValuesAs(JsonValue::asJsonObject)) {
            if (authorization.getString("pattern").endsWith(".test")) {
                HttpResponse<String> response = ParleyHttp.asAdmin().delete(
                        URI.create(AUTHORIZATIONS + "/" + authorization.getJsonNumber("id").longValue()));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            }
        }
    }

    /** The archived stanzas for {@code recipient} once there is one that {@code wanted} accepts. */
    static List<JsonObject> awaitArchived(String recipient, Predicate<JsonObject> wanted, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonObject> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = archived(recipient);
            if (found.stream().anyMatch(wanted)) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing wanted was delivered to " + recipient + " within " + timeout.toSeconds()
                + " s; archived: " + found);
    }

    static List<JsonObject> archived(String recipient) throws Exception {
        JsonArray found = (JsonArray) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyHttp.app(
                "/api/admin/messages?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8))));
        return found.getValuesAs(JsonValue::asJsonObject);
    }

    /** The audit trail's newest entries about {@code remoteDomain}. */
    static List<JsonObject> audit(String remoteDomain) throws Exception {
        JsonArray found = (JsonArray) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyHttp.app(
                "/api/admin/audit?domain=" + URLEncoder.encode(remoteDomain, StandardCharsets.UTF_8) + "&limit=200")));
        return found.getValuesAs(JsonValue::asJsonObject);
    }

    /** Waits for an audit entry about {@code remoteDomain} that {@code wanted} accepts. */
    static JsonObject awaitAudit(String remoteDomain, Predicate<JsonObject> wanted, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonObject> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = audit(remoteDomain);
            for (JsonObject entry : found) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No wanted audit entry for " + remoteDomain + " within " + timeout.toSeconds()
                + " s; found: " + found);
    }
}
