package dev.parley.interfaces.rest;

import dev.parley.application.LocalDelivery;
import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
        int limit;
        try {
            limit = Integer.parseInt(limitText.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Query parameter 'limit' must be a whole number, not '" + limitText + "'");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ArchivedStanza archived : delivery.latestFor(recipient.trim(), limit, security.getUserPrincipal().getName())) {
            list.add(toJson(archived));
        }
        return list.build();
    }

    private static JsonObjectBuilder toJson(ArchivedStanza archived) {
        StanzaEnvelope stanza = archived.stanza();
        return Json.createObjectBuilder()
                .add("archiveId", archived.id())
                .add("receivedAt", archived.receivedAt().toString())
                .add("kind", stanza.kind().elementName())
                .add("from", stanza.from())
                .add("to", stanza.to())
                .add("type", JsonDocuments.nullable(stanza.type()))
                .add("id", JsonDocuments.nullable(stanza.id()))
                .add("xml", stanza.xml());
    }
}
