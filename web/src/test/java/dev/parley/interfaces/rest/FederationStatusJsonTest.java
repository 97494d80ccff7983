package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.FederationOverview;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FederationStatusJsonTest {

    @Test
    void showsTheEngineItsSessionsAndFailures() {
        FederationOverview overview = new FederationOverview("RUNNING", "127.0.0.1:5269", List.of("parley.test"), null,
                List.of(new FederationOverview.Session("7-5f0c9a3e1b2d", "OUTBOUND", List.of("parley.test"),
                                List.of("prosody.test"), "127.0.0.9:5269", "DIALBACK", "AUTHENTICATED", 0, 3,
                                Instant.parse("2026-11-26T10:00:00Z"), null, null),
                        new FederationOverview.Session("8-0123456789ab", "INBOUND", List.of("parley.test"),
                                List.of("ejabberd.test"), "127.0.0.8:40112", "SASL_EXTERNAL", "AUTHENTICATED", 5, 0,
                                Instant.parse("2026-11-26T10:02:00Z"), "TLSv1.3 TLS_AES_128_GCM_SHA256",
                                "subject CN=ejabberd.test; issuer CN=Test CA; valid until 2027-01-31T00:00:00Z; trusted")),
                List.of(new FederationOverview.Failure("gone.test", Instant.parse("2026-11-26T10:01:00Z"),
                        "connection refused by 127.0.0.8:5269")), null);

        JsonObject json = FederationStatusJson.toJson(overview);

        assertThat(json.getString("state")).isEqualTo("RUNNING");
        assertThat(json.getString("listening")).isEqualTo("127.0.0.1:5269");
        assertThat(json.isNull("problem")).isTrue();
        JsonObject plaintext = json.getJsonArray("sessions").getJsonObject(0);
        assertThat(plaintext.getString("id")).isEqualTo("7-5f0c9a3e1b2d");
        assertThat(plaintext.getJsonArray("remoteDomains").getString(0)).isEqualTo("prosody.test");
        assertThat(plaintext.getInt("stanzasOut")).isEqualTo(3);
        assertThat(plaintext.isNull("tls")).isTrue();
        assertThat(plaintext.isNull("peerCertificate")).isTrue();
        JsonObject encrypted = json.getJsonArray("sessions").getJsonObject(1);
        assertThat(encrypted.getString("id")).isEqualTo("8-0123456789ab");
        assertThat(encrypted.getString("tls")).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
        assertThat(encrypted.getString("peerCertificate"))
                .isEqualTo("subject CN=ejabberd.test; issuer CN=Test CA; valid until 2027-01-31T00:00:00Z; trusted");
        assertThat(json.getJsonArray("recentFailures").getJsonObject(0).getString("reason"))
                .isEqualTo("connection refused by 127.0.0.8:5269");
        assertThat(json.isNull("proxyLink")).as("direct mode").isTrue();
    }

    @Test
    void showsTheLinkToTheProxyInProxyMode() {
        FederationOverview overview = new FederationOverview("RUNNING", null, List.of("parley.test"), null, List.of(),
                List.of(), new FederationOverview.ProxyLink("dmz.parley.test:5275", false,
                        Instant.parse("2026-12-04T10:00:00Z"), "the proxy refused the link password",
                        Instant.parse("2026-12-04T10:00:30Z"), 3));

        JsonObject link = FederationStatusJson.toJson(overview).getJsonObject("proxyLink");

        assertThat(link.getString("endpoint")).isEqualTo("dmz.parley.test:5275");
        assertThat(link.getBoolean("up")).isFalse();
        assertThat(link.getString("problem")).isEqualTo("the proxy refused the link password");
        assertThat(link.getString("nextAttempt")).isEqualTo("2026-12-04T10:00:30Z");
        assertThat(link.getInt("waiting")).isEqualTo(3);
    }
}
