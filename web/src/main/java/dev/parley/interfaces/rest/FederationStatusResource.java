package dev.parley.interfaces.rest;

import dev.parley.application.FederationStatusService;
import dev.parley.application.SessionNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/**
 * What federation is doing now: running or not (and why), open sessions, domains that could not be reached. DELETE
 * on one session closes it gracefully (204; 404 for an id no open session has). POST on {@code tests} tests
 * federation with one remote domain and answers with the report (200, also when the test fails: the report says
 * where and why).
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

    @POST
    @Path("tests")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject test(String body) {
        return FederationTestJson.toJson(status.testFederation(FederationTestJson.domainFromJson(
                JsonDocuments.parseObject(body))));
    }

    @DELETE
    @Path("sessions/{id}")
    public Response closeSession(@PathParam("id") String id) throws SessionNotFoundException {
        status.closeSession(id, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
