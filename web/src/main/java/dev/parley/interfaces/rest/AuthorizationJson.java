package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.FederationProtocol;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The documents of {@code /api/admin/authorizations}. What GET returns can be sent back by PUT: the read-only
 * fields are accepted and ignored, except {@code version}, which PUT requires (the version read, so that a concurrent
 * change is refused instead of overwritten) and {@code id}, which must name the authorization addressed.
 * {@code tlsPolicy} null or missing means the global policy; {@code note} null or missing means none.
 */
final class AuthorizationJson {

    private static final Set<String> WRITABLE = Set.of("pattern", "protocol", "level", "tlsPolicy", "note");
    private static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "remarks");

    /** A PUT: the change and the version it is based on. */
    record Replacement(long expectedVersion, AuthorizationChange change) {
    }

    private AuthorizationJson() {
    }

    static JsonObject toJson(AuthorizationSnapshot authorization) {
        JsonArrayBuilder remarks = Json.createArrayBuilder();
        authorization.remarks().forEach(remarks::add);
        return Json.createObjectBuilder()
                .add("id", authorization.id())
                .add("pattern", authorization.pattern().text())
                .add("protocol", authorization.protocol().name())
                .add("level", authorization.level().name())
                .add("tlsPolicy", JsonDocuments.nullable(authorization.tlsPolicy() == null ? null : authorization.tlsPolicy().name()))
                .add("note", JsonDocuments.nullable(authorization.note()))
                .add("version", authorization.version())
                .add("createdAt", JsonDocuments.nullable(authorization.createdAt()))
                .add("createdBy", JsonDocuments.nullable(authorization.createdBy()))
                .add("updatedAt", JsonDocuments.nullable(authorization.updatedAt()))
                .add("updatedBy", JsonDocuments.nullable(authorization.updatedBy()))
                .add("remarks", remarks)
                .build();
    }

    static JsonArray toJson(List<AuthorizationSnapshot> authorizations) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        authorizations.forEach(authorization -> list.add(toJson(authorization)));
        return list.build();
    }

    /** Reads a new authorization (POST), or throws with every type problem; the domain then checks the values. */
    static AuthorizationChange fromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        AuthorizationChange change = change(fields);
        fields.throwIfProblems();
        return change;
    }

    /**
     * Reads a replacement (PUT) of authorization {@code id}, or throws with every type problem, a missing version
     * and an id that names another authorization.
     */
    static Replacement replacementFromJson(JsonObject json, long id) {
        JsonFields fields = new JsonFields(json).refuseUnknown(WRITABLE, READ_ONLY);
        AuthorizationChange change = change(fields);
        boolean versionGiven = json.containsKey("version") && !json.isNull("version");
        Long version = fields.longInteger("version");
        if (!versionGiven) {
            fields.problem("version is required: the version of the authorization as it was read, so that a"
                    + " concurrent change is refused instead of overwritten");
        }
        Long bodyId = fields.longInteger("id");
        if (bodyId != null && bodyId != id) {
            fields.problem("id " + bodyId + " in the body does not match authorization " + id + " of the address");
        }
        fields.throwIfProblems();
        return new Replacement(version, change);
    }

    private static AuthorizationChange change(JsonFields fields) {
        return new AuthorizationChange(
                fields.string("pattern"),
                fields.enumeration("protocol", FederationProtocol.class),
                fields.enumeration("level", AuthorizationLevel.class),
                fields.enumeration("tlsPolicy", TlsPolicy.class),
                fields.string("note"));
    }
}
