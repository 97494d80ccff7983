package dev.parley.interfaces.rest;

import dev.parley.application.FederationAudit;
import dev.parley.domain.model.audit.AuditQueryText;
import dev.parley.domain.model.audit.InvalidAuditQueryException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The federation audit trail: streams opened and closed, refusals and why, settings changes; newest first. */
@Path("/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    FederationAudit audit;

    @GET
    public JsonArray find(@QueryParam("domain") String domain, @QueryParam("kind") String kind,
                          @QueryParam("since") String since, @QueryParam("until") String until,
                          @QueryParam("limit") String limit) throws InvalidAuditQueryException {
        return AuditJson.toJson(audit.find(AuditQueryText.parse(domain, kind, since, until, limit)));
    }
}
