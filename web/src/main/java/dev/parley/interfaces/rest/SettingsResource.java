package dev.parley.interfaces.rest;

import dev.parley.application.FederationSettingsService;
import dev.parley.domain.model.settings.InvalidSettingsException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The federation settings, read and replaced as one document. */
@Path("/admin/settings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    FederationSettingsService settings;

    @Context
    SecurityContext security;

    @GET
    public JsonObject get() {
        return SettingsJson.toJson(settings.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(String body) throws InvalidSettingsException {
        var change = SettingsJson.fromJson(JsonDocuments.parseObject(body));
        return SettingsJson.toJson(settings.update(change, security.getUserPrincipal().getName()));
    }
}
