package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.AuthorizationImport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The answer to {@code POST /api/admin/authorizations/import}: whether it was applied, how many entries are added,
 * changed, unchanged and invalid, and each entry of the file with its line, pattern, action and detail.
 */
final class AuthorizationImportJson {

    /** The media type of the files (RFC 4180). */
    static final String CSV = "text/csv";

    private AuthorizationImportJson() {
    }

    static JsonObject toJson(AuthorizationImport result) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (AuthorizationImport.Line line : result.lines()) {
            lines.add(Json.createObjectBuilder()
                    .add("line", line.line())
                    .add("pattern", line.pattern())
                    .add("action", line.action().name())
                    .add("detail", line.detail()));
        }
        return Json.createObjectBuilder()
                .add("applied", result.applied())
                .add("added", result.count(AuthorizationImport.Action.ADD))
                .add("changed", result.count(AuthorizationImport.Action.CHANGE))
                .add("unchanged", result.count(AuthorizationImport.Action.UNCHANGED))
                .add("invalid", result.count(AuthorizationImport.Action.INVALID))
                .add("lines", lines)
                .build();
    }
}
