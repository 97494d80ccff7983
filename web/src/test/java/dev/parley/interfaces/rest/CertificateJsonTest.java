package dev.parley.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.ChainCertificate;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateJsonTest {

    private static final String SHA256 = "AB:".repeat(31) + "CD";
    private static final String CA_SHA256 = "01:".repeat(31) + "02";
    private static final CertificateInfo CERTIFICATE = new CertificateInfo(CertificateRole.SIP, "CN=parley.example",
            "CN=Example CA,O=Example", List.of("parley.example", "*.parley.example"),
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-30T00:00:00Z"), SHA256,
            Instant.parse("2026-11-26T10:00:00Z"), "admin",
            List.of(new ChainCertificate("CN=parley.example", "CN=Example CA,O=Example",
                            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-30T00:00:00Z"), SHA256),
                    new ChainCertificate("CN=Example CA,O=Example", "CN=Example Root", Instant.parse("2020-01-01T00:00:00Z"),
                            Instant.parse("2030-01-01T00:00:00Z"), CA_SHA256)),
            List.of("no DNS name for localhost: remote servers ..."));

    @Test
    void showsTheCertificateAndNoKey() {
        JsonObject json = CertificateJson.toJson(CERTIFICATE, true);

        assertThat(json.keySet()).containsExactlyInAnyOrder("role", "presented", "subject", "issuer", "dnsNames",
                "notBefore", "notAfter", "sha256", "importedAt", "importedBy", "chain", "remarks");
        assertThat(json.getString("role")).isEqualTo("SIP");
        assertThat(json.getBoolean("presented")).isTrue();
        assertThat(json.getJsonArray("chain")).hasSize(2);
        assertThat(json.getJsonArray("chain").getJsonObject(1).getString("subject")).isEqualTo("CN=Example CA,O=Example");
        assertThat(json.getJsonArray("chain").getJsonObject(1).getString("issuer")).isEqualTo("CN=Example Root");
        assertThat(json.getJsonArray("chain").getJsonObject(1).getString("notAfter")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(json.getJsonArray("chain").getJsonObject(1).getString("sha256")).isEqualTo(CA_SHA256);
        assertThat(json.getString("subject")).isEqualTo("CN=parley.example");
        assertThat(json.getString("issuer")).isEqualTo("CN=Example CA,O=Example");
        assertThat(json.getJsonArray("dnsNames").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("parley.example", "*.parley.example");
        assertThat(json.getString("notBefore")).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(json.getString("notAfter")).isEqualTo("2027-01-30T00:00:00Z");
        assertThat(json.getString("sha256")).isEqualTo(SHA256);
        assertThat(json.getString("importedAt")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.getString("importedBy")).isEqualTo("admin");
        assertThat(json.getJsonArray("remarks").getString(0)).startsWith("no DNS name for localhost");
    }

    @Test
    void showsAnUnknownImporterAsNull() {
        CertificateInfo anonymous = new CertificateInfo(CertificateRole.XMPP, "CN=a", "CN=a", List.of(), Instant.EPOCH,
                Instant.EPOCH, SHA256, null, null, List.of(), List.of());

        JsonObject json = CertificateJson.toJson(anonymous, false);

        assertThat(json.getBoolean("presented")).isFalse();

        assertThat(json.get("importedAt")).isEqualTo(JsonValue.NULL);
        assertThat(json.get("importedBy")).isEqualTo(JsonValue.NULL);
        assertThat(json.getJsonArray("dnsNames")).isEmpty();
    }

    @Test
    void readsAPkcs12KeyStoreInBase64EvenWrapped() {
        byte[] keystore = {0x30, (byte) 0x82, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        String wrapped = Base64.getMimeEncoder(4, "\r\n".getBytes()).encodeToString(keystore);

        CertificateJson.Import request = CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"pkcs12\": \"" + wrapped.replace("\r\n", "\\r\\n") + "\", \"password\": \"s3cret\"}"));

        assertThat(request).isInstanceOfSatisfying(CertificateJson.Pkcs12.class, pkcs12 -> {
            assertThat(pkcs12.keystore()).isEqualTo(keystore);
            assertThat(pkcs12.password()).isEqualTo("s3cret");
            assertThat(pkcs12.toString()).doesNotContain("s3cret");
        });
    }

    @Test
    void leavesAMissingPasswordToTheService() {
        for (String body : List.of("{\"pkcs12\": \"AAAA\"}", "{\"pkcs12\": \"AAAA\", \"password\": null}")) {
            assertThat(CertificateJson.importFromJson(JsonDocuments.parseObject(body)))
                    .isInstanceOfSatisfying(CertificateJson.Pkcs12.class, pkcs12 -> {
                        assertThat(pkcs12.keystore()).containsExactly(0, 0, 0);
                        assertThat(pkcs12.password()).isNull();
                    });
        }
    }

    @Test
    void readsAPemKeyAndChain() {
        CertificateJson.Import request = CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"privateKey\": \"-----BEGIN PRIVATE KEY-----\\nMIIsecret\\n-----END PRIVATE KEY-----\\n\","
                        + " \"chain\": \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"}"));

        assertThat(request).isInstanceOfSatisfying(CertificateJson.Pem.class, pem -> {
            assertThat(pem.privateKey()).contains("MIIsecret");
            assertThat(pem.chain()).contains("BEGIN CERTIFICATE");
            assertThat(pem.toString()).doesNotContain("MIIsecret");
        });
    }

    @Test
    void refusesBothFormsOrNeither() {
        assertThatThrownBy(() -> CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"pkcs12\": \"AAAA\", \"password\": \"\", \"privateKey\": \"k\", \"chain\": \"c\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly("pkcs12 and privateKey/chain do not go together: " + CertificateJson.TWO_FORMS));
        assertThatThrownBy(() -> CertificateJson.importFromJson(JsonDocuments.parseObject("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .containsExactly("no certificate given: " + CertificateJson.TWO_FORMS));
        assertThatThrownBy(() -> CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"privateKey\": \"k\", \"chain\": \"c\", \"password\": \"pw\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("password goes with pkcs12 only"));
    }

    @Test
    void namesEveryProblemWithoutRepeatingASecret() {
        assertThatThrownBy(() -> CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"pkcs12\": \"not*base64\", \"password\": 987654, \"sha256\": \"x\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder("Unknown field 'sha256'",
                            "password must be a string",
                            "pkcs12 must be the key store file in base64 (e.g. base64 -w0 server.p12)");
                    assertThat(e.getMessage()).doesNotContain("987654").doesNotContain("not*base64");
                });
        assertThatThrownBy(() -> CertificateJson.importFromJson(JsonDocuments.parseObject(
                "{\"privateKey\": {\"secret\": \"MIIsecret\"}, \"chain\": 1}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problems()).containsExactly("privateKey must be a string", "chain must be a string");
                    assertThat(e.getMessage()).doesNotContain("MIIsecret");
                });
    }

    @Test
    void readsWhatAKeyIsGeneratedFor() {
        CertificateJson.Generate generate = CertificateJson.generateFromJson(JsonDocuments.parseObject(
                "{\"algorithm\": \"RSA_3072\", \"dnsNames\": [\"parley.example\", \"*.parley.example\"]}"));

        assertThat(generate.algorithm()).isEqualTo(KeyAlgorithm.RSA_3072);
        assertThat(generate.dnsNames()).containsExactly("parley.example", "*.parley.example");
    }

    @Test
    void namesEveryProblemOfAGenerateRequest() {
        assertThatThrownBy(() -> CertificateJson.generateFromJson(JsonDocuments.parseObject(
                "{\"dnsNames\": [\"a.example\", 7], \"keySize\": 1024}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .anyMatch(problem -> problem.contains("keySize"))
                        .anyMatch(problem -> problem.startsWith("algorithm is required"))
                        .anyMatch(problem -> problem.startsWith("dnsNames must hold strings only")));
        assertThatThrownBy(() -> CertificateJson.generateFromJson(JsonDocuments.parseObject(
                "{\"algorithm\": \"DSA\", \"dnsNames\": \"a.example\"}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .anyMatch(problem -> problem.startsWith("algorithm must be one of [EC_P256, RSA_3072]"))
                        .anyMatch(problem -> problem.startsWith("dnsNames must be an array")));
    }

    @Test
    void requiresTheChainOfAReply() {
        assertThat(CertificateJson.replyFromJson(JsonDocuments.parseObject("{\"chain\": \"PEM\"}"))).isEqualTo("PEM");
        assertThatThrownBy(() -> CertificateJson.replyFromJson(JsonDocuments.parseObject("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("chain is required"));
    }
}
