package dev.parley.interfaces.rest;

import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.diagnostics.ProbeStep;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * The documents of {@code POST /api/admin/federation/tests}: {@code {"domain": "partner.example"}} in, the report out
 * ({@code domain}, {@code passed}, {@code verdict}, and each step's {@code kind}, {@code outcome}, {@code millis} and
 * {@code detail}).
 */
final class FederationTestJson {

    private static final Set<String> WRITABLE = Set.of("domain");

    private FederationTestJson() {
    }

    /** The domain to test, or a 400 naming what is wrong with the request. */
    static String domainFromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, Set.of());
        String domain = fields.string("domain");
        if (domain == null || domain.isBlank()) {
            fields.problem("domain is required: the remote XMPP domain to test, such as partner.example");
        }
        fields.throwIfProblems();
        return domain;
    }

    static JsonObject toJson(ProbeReport report) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        for (ProbeStep step : report.steps()) {
            steps.add(Json.createObjectBuilder()
                    .add("kind", step.kind().name())
                    .add("outcome", step.outcome().name())
                    .add("millis", step.took().toMillis())
                    .add("detail", step.detail()));
        }
        return Json.createObjectBuilder()
                .add("domain", report.domain())
                .add("passed", report.passed())
                .add("verdict", report.verdict())
                .add("steps", steps)
                .build();
    }
}
