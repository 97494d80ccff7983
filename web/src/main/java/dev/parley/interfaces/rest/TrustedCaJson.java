package dev.parley.interfaces.rest;

import dev.parley.domain.model.certificate.TrustedCaInfo;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The documents of {@code /api/admin/trusted-cas}: a CA as {@code {"id", "subject", "notAfter", "sha256", "addedAt",
 * "addedBy", "pem", "remarks"}}; a POST needs only {@code {"pem": "-----BEGIN CERTIFICATE-----..."}} (one CA
 * certificate), and what GET returns may be posted again (the read-only fields are ignored).
 */
final class TrustedCaJson {

    private static final Set<String> WRITABLE = Set.of("pem");
    private static final Set<String> READ_ONLY = Set.of("id", "subject", "notAfter", "sha256", "addedAt", "addedBy",
            "remarks");

    private TrustedCaJson() {
    }

    static JsonObject toJson(TrustedCaInfo ca) {
        JsonArrayBuilder remarks = Json.createArrayBuilder();
        ca.remarks().forEach(remarks::add);
        return Json.createObjectBuilder()
                .add("id", ca.id())
                .add("subject", ca.subject())
                .add("notAfter", JsonDocuments.nullable(ca.notAfter()))
                .add("sha256", ca.sha256())
                .add("addedAt", JsonDocuments.nullable(ca.addedAt()))
                .add("addedBy", JsonDocuments.nullable(ca.addedBy()))
                .add("pem", ca.pem())
                .add("remarks", remarks)
                .build();
    }

    static JsonArray toJson(List<TrustedCaInfo> cas) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        cas.forEach(ca -> list.add(toJson(ca)));
        return list.build();
    }

    /** The PEM text of a POST, or throws with every problem of its shape; the service then checks the certificate. */
    static String pemFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        String pem = fields.string("pem");
        if (pem == null && (!json.containsKey("pem") || json.isNull("pem"))) {
            fields.problem("pem is required: the CA's certificate as PEM (-----BEGIN CERTIFICATE-----)");
        }
        fields.throwIfProblems();
        return pem;
    }
}
