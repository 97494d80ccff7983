package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.diagnostics.ProbeStep;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FederationTestJsonTest {

    @Test
    void showsEveryStepWithItsOutcomeAndTime() {
        ProbeReport report = new ProbeReport("partner.example", List.of(
                new ProbeStep(ProbeStep.Kind.TCP, ProbeStep.Outcome.FAILED, Duration.ofMillis(12),
                        "127.0.0.9:5269 refused the connection"),
                new ProbeStep(ProbeStep.Kind.PING, ProbeStep.Outcome.SKIPPED, Duration.ZERO, "no connection")),
                "partner.example cannot be reached: every address refused the connection (127.0.0.9:5269)");

        JsonObject json = FederationTestJson.toJson(report);

        assertThat(json.getString("domain")).isEqualTo("partner.example");
        assertThat(json.getBoolean("passed")).isFalse();
        assertThat(json.getString("verdict")).startsWith("partner.example cannot be reached");
        JsonObject tcp = json.getJsonArray("steps").getJsonObject(0);
        assertThat(tcp.getString("kind")).isEqualTo("TCP");
        assertThat(tcp.getString("outcome")).isEqualTo("FAILED");
        assertThat(tcp.getJsonNumber("millis").longValue()).isEqualTo(12);
        assertThat(tcp.getString("detail")).isEqualTo("127.0.0.9:5269 refused the connection");
        assertThat(json.getJsonArray("steps").getJsonObject(1).getString("outcome")).isEqualTo("SKIPPED");
    }

    @Test
    void needsADomainAndNothingElse() {
        assertThat(FederationTestJson.domainFromJson(JsonDocuments.parseObject("{\"domain\": \"partner.example\"}")))
                .isEqualTo("partner.example");
        assertThatThrownBy(() -> FederationTestJson.domainFromJson(JsonDocuments.parseObject("{\"domain\": \" \", \"port\": 1}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .anyMatch(problem -> problem.contains("port"))
                        .anyMatch(problem -> problem.startsWith("domain is required")));
    }
}
