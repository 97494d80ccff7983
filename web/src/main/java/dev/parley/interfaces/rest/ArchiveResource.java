package dev.parley.interfaces.rest;

import dev.parley.application.LocalDelivery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** What the UC messaging module delivered to a local address, newest first. */
@Path("/admin/messages")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    @Inject
    LocalDelivery delivery;

    @Context
    SecurityContext security;

    @GET
    public JsonArray latest(@QueryParam("to") String recipient, @QueryParam("limit") @DefaultValue("50") String limitText) {
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidRequestException("Query parameter 'to' is required: the local address whose messages to show");
        }
        return ArchiveJson.toJson(delivery.latestFor(recipient.trim(), ArchiveJson.limit(limitText),
                security.getUserPrincipal().getName()));
    }
}
