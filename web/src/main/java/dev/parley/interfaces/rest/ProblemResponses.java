package dev.parley.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The API's one shape for refusals: {@code {"error": "...", "problems": ["...", ...]}}. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Response.Status status, String error, List<String> problems) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        problems.forEach(list::add);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", error).add("problems", list).build())
                .build();
    }
}
