package dev.parley.interfaces.rest;

import dev.parley.domain.model.certificate.CertificateInfo;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documents of {@code /api/admin/certificate}. GET shows the stored certificate, never its key. PUT imports one
 * in one of two forms: {@code {"pkcs12": "<base64>", "password": "..."}} or
 * {@code {"privateKey": "<PEM>", "chain": "<PEM>"}}. Problems with a PUT never quote what was sent: it may be a key
 * or a password.
 */
final class CertificateJson {

    private static final Set<String> WRITABLE = Set.of("pkcs12", "password", "privateKey", "chain");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final String TWO_FORMS = "give either {\"pkcs12\": \"<the key store in base64>\", \"password\": \"...\"} or"
            + " {\"privateKey\": \"<PEM>\", \"chain\": \"<PEM>\"}";

    /** What a PUT imports. */
    sealed interface Import permits Pkcs12, Pem {
    }

    /** A PKCS#12 key store and its password; {@link #toString()} shows neither. */
    record Pkcs12(byte[] keystore, String password) implements Import {
        @Override
        public String toString() {
            return "Pkcs12[" + (keystore == null ? 0 : keystore.length) + " bytes]";
        }
    }

    /** A PEM private key and chain; {@link #toString()} shows no key. */
    record Pem(String privateKey, String chain) implements Import {
        @Override
        public String toString() {
            return "Pem[privateKey=(not shown), chain=" + chain + "]";
        }
    }

    private CertificateJson() {
    }

    static JsonObject toJson(CertificateInfo certificate) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        certificate.dnsNames().forEach(names::add);
        JsonArrayBuilder remarks = Json.createArrayBuilder();
        certificate.remarks().forEach(remarks::add);
        return Json.createObjectBuilder()
                .add("subject", certificate.subject())
                .add("issuer", certificate.issuer())
                .add("dnsNames", names)
                .add("notBefore", JsonDocuments.nullable(certificate.notBefore()))
                .add("notAfter", JsonDocuments.nullable(certificate.notAfter()))
                .add("sha256", certificate.sha256())
                .add("importedAt", JsonDocuments.nullable(certificate.importedAt()))
                .add("importedBy", JsonDocuments.nullable(certificate.importedBy()))
                .add("remarks", remarks)
                .build();
    }

    /** Reads a PUT, or throws with every problem of its shape; the service then checks the certificate. */
    static Import importFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, Set.of());
        String pkcs12 = secretString(json, "pkcs12", fields);
        String password = secretString(json, "password", fields);
        String privateKey = secretString(json, "privateKey", fields);
        String chain = secretString(json, "chain", fields);
        boolean asPkcs12 = given(json, "pkcs12");
        boolean asPem = given(json, "privateKey") || given(json, "chain");
        if (asPkcs12 && asPem) {
            fields.problem("pkcs12 and privateKey/chain do not go together: " + TWO_FORMS);
        } else if (!asPkcs12 && !asPem) {
            fields.problem("no certificate given: " + TWO_FORMS);
        } else if (asPem && given(json, "password")) {
            fields.problem("password goes with pkcs12 only; a PEM private key is given unencrypted (it is stored sealed)");
        }
        byte[] keystore = null;
        if (asPkcs12 && pkcs12 != null) {
            try {
                keystore = Base64.getDecoder().decode(WHITESPACE.matcher(pkcs12).replaceAll(""));
            } catch (IllegalArgumentException e) {
                fields.problem("pkcs12 must be the key store file in base64 (e.g. base64 -w0 server.p12)");
            }
        }
        fields.throwIfProblems();
        return asPkcs12 ? new Pkcs12(keystore, password) : new Pem(privateKey, chain);
    }

    private static boolean given(JsonObject json, String field) {
        return json.containsKey(field) && !json.isNull(field);
    }

    /** The field's text; a value of another type is a problem that names the field only, never the value. */
    private static String secretString(JsonObject json, String field, JsonFields fields) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        fields.problem(field + " must be a string");
        return null;
    }

    /** The answer to GET when no certificate is stored. */
    static List<String> notFound() {
        return List.of("no S2S server certificate is stored; PUT one: " + TWO_FORMS);
    }
}
