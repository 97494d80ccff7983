package dev.parley.interfaces.rest;

import dev.parley.domain.model.audit.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** The entries of {@code /api/admin/audit} as JSON; absent texts are JSON null. */
final class AuditJson {

    private AuditJson() {
    }

    static JsonArray toJson(List<AuditRecord> records) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        records.forEach(record -> list.add(toJson(record)));
        return list.build();
    }

    static JsonObject toJson(AuditRecord record) {
        return Json.createObjectBuilder()
                .add("at", record.at().toString())
                .add("kind", record.kind().name())
                .add("direction", record.direction().name())
                .add("localDomain", JsonDocuments.nullable(record.localDomain()))
                .add("remoteDomain", JsonDocuments.nullable(record.remoteDomain()))
                .add("remoteAddress", JsonDocuments.nullable(record.remoteAddress()))
                .add("authMethod", JsonDocuments.nullable(record.authMethod()))
                .add("tls", JsonDocuments.nullable(record.tls()))
                .add("detail", JsonDocuments.nullable(record.detail()))
                .build();
    }
}
