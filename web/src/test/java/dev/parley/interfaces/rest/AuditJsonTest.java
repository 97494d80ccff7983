package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    @Test
    void showsEveryFieldOfAnEntry() {
        AuditRecord opened = new AuditRecord(Instant.parse("2026-11-26T10:15:30.123456Z"), AuditKind.STREAM_OPENED,
                AuditDirection.INBOUND, "corp.example", "jabber.example", "[2001:db8::7]:40112", "SASL EXTERNAL",
                "TLSv1.3 TLS_AES_128_GCM_SHA256", "stream ready");

        JsonObject json = AuditJson.toJson(opened);

        assertThat(json.keySet()).containsExactly("at", "kind", "direction", "localDomain", "remoteDomain",
                "remoteAddress", "authMethod", "tls", "detail");
        assertThat(json.getString("at")).isEqualTo("2026-11-26T10:15:30.123456Z");
        assertThat(json.getString("kind")).isEqualTo("STREAM_OPENED");
        assertThat(json.getString("direction")).isEqualTo("INBOUND");
        assertThat(json.getString("localDomain")).isEqualTo("corp.example");
        assertThat(json.getString("remoteDomain")).isEqualTo("jabber.example");
        assertThat(json.getString("remoteAddress")).isEqualTo("[2001:db8::7]:40112");
        assertThat(json.getString("authMethod")).isEqualTo("SASL EXTERNAL");
        assertThat(json.getString("tls")).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
        assertThat(json.getString("detail")).isEqualTo("stream ready");
    }

    @Test
    void showsAbsentTextsAsNull() {
        JsonObject json = AuditJson.toJson(AuditRecord.settingsChanged(Instant.parse("2026-11-26T11:00:00Z"), null));

        assertThat(json.getString("kind")).isEqualTo("SETTINGS_CHANGED");
        assertThat(json.getString("direction")).isEqualTo("NONE");
        for (String field : List.of("localDomain", "remoteDomain", "remoteAddress", "authMethod", "tls", "detail")) {
            assertThat(json.get(field)).as(field).isEqualTo(JsonValue.NULL);
        }
    }

    @Test
    void keepsTheOrderItIsGiven() {
        AuditRecord newer = AuditRecord.settingsChanged(Instant.parse("2026-11-26T12:00:00Z"), "second");
        AuditRecord older = AuditRecord.settingsChanged(Instant.parse("2026-11-26T11:00:00Z"), "first");

        JsonArray json = AuditJson.toJson(List.of(newer, older));

        assertThat(json).hasSize(2);
        assertThat(json.getJsonObject(0).getString("detail")).isEqualTo("second");
        assertThat(json.getJsonObject(1).getString("detail")).isEqualTo("first");
    }
}
