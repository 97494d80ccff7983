package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.certificate.TrustedCaInfo;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedCaJsonTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private static final TrustedCaInfo PARTNER_CA = new TrustedCaInfo(3, "CN=Partner Root CA,O=Partner",
            Instant.parse("2030-01-01T00:00:00Z"), "AB:".repeat(31) + "CD", Instant.parse("2026-11-26T10:00:00Z"), "admin",
            PEM, List.of());

    @Test
    void showsEveryField() {
        JsonObject json = TrustedCaJson.toJson(PARTNER_CA);

        assertThat(json.getJsonNumber("id").longValue()).isEqualTo(3);
        assertThat(json.getString("subject")).isEqualTo("CN=Partner Root CA,O=Partner");
        assertThat(json.getString("notAfter")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(json.getString("sha256")).isEqualTo("AB:".repeat(31) + "CD");
        assertThat(json.getString("addedAt")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.getString("addedBy")).isEqualTo("admin");
        assertThat(json.getString("pem")).isEqualTo(PEM);
        assertThat(json.getJsonArray("remarks")).isEmpty();
        assertThat(TrustedCaJson.toJson(List.of(PARTNER_CA, PARTNER_CA))).hasSize(2);
    }

    @Test
    void postNeedsOnlyThePemAndTakesBackWhatGetShowed() {
        assertThat(TrustedCaJson.pemFromJson(JsonDocuments.parseObject("{\"pem\": \"" + PEM.replace("\n", "\\n") + "\"}")))
                .isEqualTo(PEM);
        assertThat(TrustedCaJson.pemFromJson(TrustedCaJson.toJson(PARTNER_CA))).isEqualTo(PEM);
    }

    @Test
    void refusesAPostWithoutPemOrWithUnknownFields() {
        assertThatThrownBy(() -> TrustedCaJson.pemFromJson(JsonDocuments.parseObject("{\"certificate\": \"x\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).containsExactly(
                        "Unknown field 'certificate'",
                        "pem is required: the CA's certificate as PEM (-----BEGIN CERTIFICATE-----)"));
        assertThatThrownBy(() -> TrustedCaJson.pemFromJson(JsonDocuments.parseObject("{\"pem\": 1}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly("pem must be a string, not 1"));
    }
}
