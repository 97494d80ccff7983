package dev.parley.interfaces.rest;

import dev.parley.application.FederationStatusService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What federation is doing now: running or not (and why), open sessions, domains that could not be reached. */
@Path("/admin/federation")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FederationStatusResource {

    @Inject
    FederationStatusService status;

    @GET
    public JsonObject overview() {
        return FederationStatusJson.toJson(status.overview());
    }
}
