package dev.parley.interfaces.rest;

import dev.parley.application.FederationOverview;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** {@code GET /api/admin/federation} as JSON; absent values are JSON null. */
final class FederationStatusJson {

    private FederationStatusJson() {
    }

    static JsonObject toJson(FederationOverview overview) {
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        overview.sessions().forEach(session -> sessions.add(Json.createObjectBuilder()
                .add("id", session.id())
                .add("direction", session.direction())
                .add("localDomains", strings(session.localDomains()))
                .add("remoteDomains", strings(session.remoteDomains()))
                .add("address", JsonDocuments.nullable(session.address()))
                .add("authMethod", session.authMethod())
                .add("state", session.state())
                .add("stanzasIn", session.stanzasIn())
                .add("stanzasOut", session.stanzasOut())
                .add("openedAt", JsonDocuments.nullable(session.openedAt()))
                .add("tls", JsonDocuments.nullable(session.tls()))
                .add("peerCertificate", JsonDocuments.nullable(session.peerCertificate()))));
        JsonArrayBuilder failures = Json.createArrayBuilder();
        overview.recentFailures().forEach(failure -> failures.add(Json.createObjectBuilder()
                .add("domain", failure.domain())
                .add("at", JsonDocuments.nullable(failure.at()))
                .add("reason", failure.reason())));
        FederationOverview.ProxyLink link = overview.proxyLink();
        return Json.createObjectBuilder()
                .add("state", overview.state())
                .add("listening", JsonDocuments.nullable(overview.listening()))
                .add("localDomains", strings(overview.localDomains()))
                .add("problem", JsonDocuments.nullable(overview.problem()))
                .add("sessions", sessions)
                .add("recentFailures", failures)
                .add("proxyLink", link == null ? JsonValue.NULL : Json.createObjectBuilder()
                        .add("endpoint", link.endpoint())
                        .add("up", link.up())
                        .add("since", JsonDocuments.nullable(link.since()))
                        .add("problem", JsonDocuments.nullable(link.problem()))
                        .add("nextAttempt", JsonDocuments.nullable(link.nextAttempt()))
                        .add("waiting", link.waiting())
                        .build())
                .build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
