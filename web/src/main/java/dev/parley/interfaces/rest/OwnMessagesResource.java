package dev.parley.interfaces.rest;

import dev.parley.application.InvalidMessageException;
import dev.parley.application.MessagingService;
import dev.parley.domain.model.user.UserName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The signed-in user's chat: POST {@code {to, body, id}} sends a message (202 with its id: it is on its way, and a
 * failure comes back as an error message); GET lists what reached the user, newest first, or with {@code ?with=JID}
 * the conversation with that contact, both ways.
 */
@Path("/user/messages")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class OwnMessagesResource {

    @Inject
    MessagingService messaging;

    @Context
    SecurityContext security;

    /** What reached the user, or with {@code ?with=JID} the conversation with that contact both ways. */
    @GET
    public JsonArray received(@QueryParam("with") String with, @QueryParam("limit") @DefaultValue("50") String limit) {
        int bounded = ArchiveJson.limit(limit);
        return ArchiveJson.toJson(with == null ? messaging.received(me(), bounded)
                : messaging.conversation(me(), with, bounded));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(String body) throws InvalidMessageException {
        JsonFields fields = new JsonFields(JsonDocuments.parseObject(body))
                .refuseUnknown(Set.of("to", "body", "id"), Set.of());
        String to = fields.string("to");
        String text = fields.string("body");
        String id = fields.string("id");
        fields.throwIfProblems();
        String sent = messaging.send(me(), to, text, id);
        return Response.accepted(Json.createObjectBuilder().add("id", sent).build()).build();
    }

    private UserName me() {
        return UserResource.userName(security.getUserPrincipal().getName());
    }
}
