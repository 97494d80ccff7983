package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettingsJsonTest {

    @Test
    void whatGetReturnsCanBeSentBackByPut() {
        SettingsSnapshot snapshot = new SettingsSnapshot(true, FederationMode.PROXY, 5269, "127.0.0.1", "dmz.corp.example",
                5275, true, TlsPolicy.REQUIRED_VALID_CERT, AuthorizationLevel.BUSINESS, 7200, 3,
                Instant.parse("2026-11-26T01:00:00Z"), "admin", true, true);

        JsonObject json = SettingsJson.toJson(snapshot);
        SettingsChange change = SettingsJson.fromJson(json);

        assertThat(json.containsKey("proxyPassword")).isFalse();
        assertThat(json.getBoolean("proxyPasswordSet")).isTrue();
        assertThat(json.getString("maxLevel")).isEqualTo("BUSINESS");
        assertThat(json.getInt("outboundRetryWindow")).isEqualTo(7200);
        assertThat(json.getBoolean("proxyTls")).isTrue();
        assertThat(json.getBoolean("privateFederation")).isTrue();
        assertThat(change).isEqualTo(new SettingsChange(true, FederationMode.PROXY, 5269, "127.0.0.1", "dmz.corp.example",
                5275, null, TlsPolicy.REQUIRED_VALID_CERT, AuthorizationLevel.BUSINESS, 7200, true, true));
    }

    @Test
    void reportsEveryTypeProblemAtOnce() {
        JsonObject json = JsonDocuments.parseObject(
                "{\"enabled\":\"yes\",\"mode\":\"MIRROR\",\"s2sPort\":\"5269\",\"proxyPort\":99999999999,\"colour\":1}");

        assertThatThrownBy(() -> SettingsJson.fromJson(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "Unknown field 'colour'",
                        "enabled must be true or false, not \"yes\"",
                        "mode must be one of [DIRECT, PROXY], not 'MIRROR'",
                        "s2sPort must be a whole number, not \"5269\"",
                        "proxyPort must be between 1 and 65535, not 99999999999"));
    }

    @Test
    void reportsTypeProblemsOfTheLevelAndRetryWindow() {
        JsonObject json = JsonDocuments.parseObject(
                "{\"maxLevel\":\"EVERYTHING\",\"outboundRetryWindow\":99999999999}");

        assertThatThrownBy(() -> SettingsJson.fromJson(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        "maxLevel must be one of [BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER, PERSONAL], not 'EVERYTHING'",
                        "outboundRetryWindow must be between 0 and 604800 seconds, not 99999999999"));
    }

    @Test
    void missingLevelAndRetryWindowAreLeftForTheDomainToRefuse() {
        SettingsChange change = SettingsJson.fromJson(JsonDocuments.parseObject(
                "{\"enabled\":false,\"mode\":\"DIRECT\",\"s2sPort\":5269,\"s2sBindAddress\":\"127.0.0.1\","
                        + "\"proxyPort\":5275,\"tlsPolicy\":\"OPTIONAL\"}"));

        assertThat(change.maxLevel()).isNull();
        assertThat(change.outboundRetryWindowSeconds()).isNull();
        assertThat(change.problems(false)).containsExactly(
                "maxLevel is required (BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER or PERSONAL)",
                "outboundRetryWindow is required (seconds, 0-604800)");
    }

    @Test
    void refusesBodiesThatAreNoJsonObject() {
        assertThatThrownBy(() -> JsonDocuments.parseObject("{\"enabled\": tru"))
                .hasMessageStartingWith("The body is not valid JSON");
        assertThatThrownBy(() -> JsonDocuments.parseObject("[1]"))
                .hasMessage("The body must be a JSON object, not ARRAY");
        assertThatThrownBy(() -> JsonDocuments.parseObject(""))
                .hasMessage("The request has no body; a JSON object is expected");
    }
}
