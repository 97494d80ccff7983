package dev.parley.interfaces.rest;

import dev.parley.domain.model.user.UserImport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The answer to {@code POST /api/admin/users/import}: whether it was applied, how many users are added, changed,
 * unchanged and invalid, and each user of the file with its line, user name, action and detail.
 */
final class UserImportJson {

    private UserImportJson() {
    }

    static JsonObject toJson(UserImport result) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (UserImport.Line line : result.lines()) {
            lines.add(Json.createObjectBuilder()
                    .add("line", line.line())
                    .add("userName", line.userName())
                    .add("action", line.action().name())
                    .add("detail", line.detail()));
        }
        return Json.createObjectBuilder()
                .add("applied", result.applied())
                .add("added", result.count(UserImport.Action.ADD))
                .add("changed", result.count(UserImport.Action.CHANGE))
                .add("unchanged", result.count(UserImport.Action.UNCHANGED))
                .add("invalid", result.count(UserImport.Action.INVALID))
                .add("lines", lines)
                .build();
    }
}
