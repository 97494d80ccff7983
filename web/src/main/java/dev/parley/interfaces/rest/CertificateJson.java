package dev.parley.interfaces.rest;

import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.ChainCertificate;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documents of {@code /api/admin/certificate}. GET shows a stored certificate with its chain, never its key. PUT
 * imports one in one of two forms: {@code {"pkcs12": "<base64>", "password": "..."}} or
 * {@code {"privateKey": "<PEM>", "chain": "<PEM>"}}. Problems with a PUT never quote what was sent: it may be a key
 * or a password. A request or self-signed certificate is generated from {@code {"algorithm": "EC_P256",
 * "dnsNames": ["example.com"]}}; the CA's reply is imported from {@code {"chain": "<PEM>"}}.
 */
final class CertificateJson {

    private static final Set<String> WRITABLE = Set.of("pkcs12", "password", "privateKey", "chain");
    private static final Set<String> GENERATE = Set.of("algorithm", "dnsNames");
    private static final Set<String> REPLY = Set.of("chain");
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

    /** What a key is generated for: a request or a self-signed certificate. */
    record Generate(KeyAlgorithm algorithm, List<String> dnsNames) {
    }

    private CertificateJson() {
    }

    /**
     * @param presented whether the engine presents this certificate to XMPP peers (the SIP one does only while no XMPP
     *                  certificate is stored)
     */
    static JsonObject toJson(CertificateInfo certificate, boolean presented) {
        JsonArrayBuilder chain = Json.createArrayBuilder();
        for (ChainCertificate link : certificate.chain()) {
            chain.add(Json.createObjectBuilder()
                    .add("subject", link.subject())
                    .add("issuer", link.issuer())
                    .add("notBefore", link.notBefore().toString())
                    .add("notAfter", link.notAfter().toString())
                    .add("sha256", link.sha256()));
        }
        return Json.createObjectBuilder()
                .add("role", certificate.role().name())
                .add("presented", presented)
                .add("subject", certificate.subject())
                .add("issuer", certificate.issuer())
                .add("dnsNames", strings(certificate.dnsNames()))
                .add("notBefore", JsonDocuments.nullable(certificate.notBefore()))
                .add("notAfter", JsonDocuments.nullable(certificate.notAfter()))
                .add("sha256", certificate.sha256())
                .add("importedAt", JsonDocuments.nullable(certificate.importedAt()))
                .add("importedBy", JsonDocuments.nullable(certificate.importedBy()))
                .add("chain", chain)
                .add("remarks", strings(certificate.remarks()))
                .build();
    }

    static JsonObject toJson(CertificateRequestInfo request) {
        return Json.createObjectBuilder()
                .add("algorithm", request.algorithm().name())
                .add("subject", request.subject())
                .add("dnsNames", strings(request.dnsNames()))
                .add("csr", request.csrPem())
                .add("createdAt", request.createdAt().toString())
                .add("createdBy", request.createdBy())
                .build();
    }

    /** Reads a POST that generates a key, or throws with every problem of its shape. */
    static Generate generateFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(GENERATE, Set.of());
        KeyAlgorithm algorithm = fields.enumeration("algorithm", KeyAlgorithm.class);
        if (algorithm == null && !given(json, "algorithm")) {
            fields.problem("algorithm is required: one of " + Arrays.toString(KeyAlgorithm.values()));
        }
        List<String> dnsNames = new ArrayList<>();
        JsonValue names = json.get("dnsNames");
        if (names instanceof JsonArray array) {
            for (JsonValue name : array) {
                if (name instanceof JsonString text) {
                    dnsNames.add(text.getString());
                } else {
                    fields.problem("dnsNames must hold strings only, not " + name);
                }
            }
        } else if (names != null && names.getValueType() != JsonValue.ValueType.NULL) {
            fields.problem("dnsNames must be an array of DNS names, such as [\"example.com\"]");
        }
        fields.throwIfProblems();
        return new Generate(algorithm, dnsNames);
    }

    /** Reads the CA's reply to a request: its chain as PEM. */
    static String replyFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(REPLY, Set.of());
        String chain = fields.string("chain");
        if (chain == null) {
            fields.problem("chain is required: the certificate the CA issued, then its intermediates, as PEM");
        }
        fields.throwIfProblems();
        return chain;
    }

    private static JsonArrayBuilder strings(List<String> texts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        texts.forEach(array::add);
        return array;
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

    /** The answer to GET when the role has no certificate stored. */
    static List<String> notFound(CertificateRole role) {
        return List.of("no " + role.displayName() + " is stored; PUT one: " + TWO_FORMS);
    }

    /** The answer to GET when no request waits. */
    static List<String> noRequest() {
        return List.of("no certificate signing request waits for a reply; POST {\"algorithm\": \"EC_P256\","
                + " \"dnsNames\": [\"your.domain\"]} to generate one");
    }
}
