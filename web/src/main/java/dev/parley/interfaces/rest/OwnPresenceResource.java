package dev.parley.interfaces.rest;

import dev.parley.application.PresenceService;
import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.user.UserName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The signed-in user's own presence: {@code {availability, status}}, availability one of AVAILABLE, AWAY, DND, XA,
 * UNAVAILABLE. A PUT tells every contact allowed to see it, as much as their domain's level shows.
 */
@Path("/user/presence")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class OwnPresenceResource {

    @Inject
    PresenceService presence;

    @Context
    SecurityContext security;

    @GET
    public JsonObject get() {
        return toJson(presence.presenceOf(me()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(String body) {
        JsonFields fields = new JsonFields(JsonDocuments.parseObject(body))
                .refuseUnknown(Set.of("availability", "status"), Set.of());
        Availability availability = fields.enumeration("availability", Availability.class);
        String status = fields.string("status");
        if (availability == null && fields.problems().isEmpty()) {
            fields.problem("availability is required: one of AVAILABLE, AWAY, DND, XA, UNAVAILABLE");
        }
        Presence.statusProblem(status).ifPresent(fields::problem);
        fields.throwIfProblems();
        Presence wanted = Presence.of(availability, status);
        presence.setPresence(me(), wanted);
        return toJson(wanted);
    }

    static JsonObject toJson(Presence presence) {
        return Json.createObjectBuilder()
                .add("availability", presence.availability().name())
                .add("status", JsonDocuments.nullable(presence.status().orElse(null)))
                .build();
    }

    private UserName me() {
        return UserResource.userName(security.getUserPrincipal().getName());
    }
}
