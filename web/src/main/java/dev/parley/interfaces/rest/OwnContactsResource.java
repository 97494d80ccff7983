package dev.parley.interfaces.rest;

import dev.parley.application.Contact;
import dev.parley.application.PresenceService;
import dev.parley.domain.model.roster.ContactNotFoundException;
import dev.parley.domain.model.roster.InvalidContactException;
import dev.parley.domain.model.user.UserName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The signed-in user's contacts (RFC 6121 roster) with their presence, and the requests waiting for the user. POST
 * {@code {jid, name}} adds a contact and asks to see their presence; {@code POST {jid}/approval} lets a contact who
 * asked see the user's presence, {@code DELETE {jid}/approval} refuses or revokes that; {@code DELETE {jid}} removes
 * the contact both ways.
 */
@Path("/user/contacts")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class OwnContactsResource {

    @Inject
    PresenceService presence;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonArray list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        presence.contacts(me()).forEach(contact -> list.add(toJson(contact)));
        return list.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body) throws InvalidContactException {
        JsonFields fields = new JsonFields(JsonDocuments.parseObject(body)).refuseUnknown(Set.of("jid", "name"), Set.of());
        String jid = fields.string("jid");
        String name = fields.string("name");
        if (jid == null) {
            fields.problem("jid is required: the contact's address, name@domain");
        }
        fields.throwIfProblems();
        Contact added = presence.subscribe(me(), jid, name);
        return Response.created(uriInfo.getAbsolutePathBuilder().path("{jid}").build(added.item().contact()))
                .entity(toJson(added)).build();
    }

    @POST
    @Path("{jid}/approval")
    // JSON only (any body, even none): a form on another site cannot send it without a preflight, with the browser's
    // Basic login, and make the user approve a stranger.
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject approve(@PathParam("jid") String jid) throws ContactNotFoundException {
        return toJson(presence.approve(me(), jid));
    }

    @DELETE
    @Path("{jid}/approval")
    public Response refuse(@PathParam("jid") String jid) throws ContactNotFoundException {
        presence.refuse(me(), jid);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{jid}")
    public Response remove(@PathParam("jid") String jid) throws ContactNotFoundException {
        presence.remove(me(), jid);
        return Response.noContent().build();
    }

    static JsonObject toJson(Contact contact) {
        return Json.createObjectBuilder()
                .add("jid", contact.item().contact())
                .add("name", JsonDocuments.nullable(contact.item().name().orElse(null)))
                .add("subscription", contact.item().subscription().name())
                .add("pendingOut", contact.item().pendingOut())
                .add("pendingIn", contact.item().pendingIn())
                .add("presence", OwnPresenceResource.toJson(contact.presence()))
                .build();
    }

    private UserName me() {
        return UserResource.userName(security.getUserPrincipal().getName());
    }
}
