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
                List.of(new FederationOverview.Session("OUTBOUND", List.of("parley.test"), List.of("prosody.test"),
                        "127.0.0.9:5269", "DIALBACK", "AUTHENTICATED", 0, 3, Instant.parse("2026-11-26T10:00:00Z"), null)),
                List.of(new FederationOverview.Failure("gone.test", Instant.parse("2026-11-26T10:01:00Z"),
                        "connection refused by 127.0.0.8:5269")));

        JsonObject json = FederationStatusJson.toJson(overview);

        assertThat(json.getString("state")).isEqualTo("RUNNING");
        assertThat(json.getString("listening")).isEqualTo("127.0.0.1:5269");
        assertThat(json.isNull("problem")).isTrue();
        JsonObject session = json.getJsonArray("sessions").getJsonObject(0);
        assertThat(session.getJsonArray("remoteDomains").getString(0)).isEqualTo("prosody.test");
        assertThat(session.getInt("stanzasOut")).isEqualTo(3);
        assertThat(session.isNull("tls")).isTrue();
        assertThat(json.getJsonArray("recentFailures").getJsonObject(0).getString("reason"))
                .isEqualTo("connection refused by 127.0.0.8:5269");
    }
}
