package dev.parley.interfaces.rest;

import dev.parley.application.FederationStatusService;
import dev.parley.application.SessionNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * What federation is doing now: running or not (and why), open sessions, domains that could not be reached. DELETE
 * on one session closes it gracefully (204; 404 for an id no open session has).
 */
@Path("/admin/federation")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FederationStatusResource {

    @Inject
    FederationStatusService status;

    @Context
    SecurityContext security;

    @GET
    public JsonObject overview() {
        return FederationStatusJson.toJson(status.overview());
    }

    @DELETE
    @Path("sessions/{id}")
    public Response closeSession(@PathParam("id") String id) throws SessionNotFoundException {
        status.closeSession(id, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
