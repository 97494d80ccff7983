package dev.parley.interfaces.rest;

import dev.parley.domain.model.csv.CsvImport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The answer to a CSV import ({@code POST /api/admin/authorizations/import}, {@code POST /api/admin/users/import}):
 * whether it was applied, how many entries are added, changed, unchanged and invalid, and each entry of the file with
 * its line, what names it, action and detail.
 */
final class CsvImportJson {

    /** The media type of the files (RFC 4180). */
    static final String CSV = "text/csv";

    private CsvImportJson() {
    }

    /** @param entryField the field naming each entry: "pattern", "userName" */
    static JsonObject toJson(CsvImport result, String entryField) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (CsvImport.Line line : result.lines()) {
            lines.add(Json.createObjectBuilder()
                    .add("line", line.line())
                    .add(entryField, line.entry())
                    .add("action", line.action().name())
                    .add("detail", line.detail()));
        }
        return Json.createObjectBuilder()
                .add("applied", result.applied())
                .add("added", result.count(CsvImport.Action.ADD))
                .add("changed", result.count(CsvImport.Action.CHANGE))
                .add("unchanged", result.count(CsvImport.Action.UNCHANGED))
                .add("invalid", result.count(CsvImport.Action.INVALID))
                .add("lines", lines)
                .build();
    }
}
