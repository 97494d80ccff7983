package dev.parley.interfaces.rest;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The domain authorizations: which remote domains may federate, at which level. 400 lists every problem of a
 * request, 404 answers an unknown id, 409 a PUT based on an outdated version. {@code export} gives them all as CSV;
 * {@code import} takes such a file and says what it would add and change, or with {@code ?apply=true} does it (all
 * or, with any invalid line, nothing).
 */
@Path("/admin/authorizations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationResource {

    @Inject
    DomainAuthorizationService authorizations;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonArray list() {
        return AuthorizationJson.toJson(authorizations.list());
    }

    @GET
    @Path("export")
    @Produces(CsvImportJson.CSV)
    public Response export() {
        return Response.ok(authorizations.exportCsv())
                .header("Content-Disposition", "attachment; filename=\"authorizations.csv\"").build();
    }

    @POST
    @Path("import")
    // text/csv only: a form on another site can post text/plain without a preflight, with the browser's Basic login.
    @Consumes(CsvImportJson.CSV)
    public JsonObject importCsv(@QueryParam("apply") @DefaultValue("false") boolean apply, String csv)
            throws InvalidAuthorizationException, AuthorizationConflictException {
        return CsvImportJson.toJson(apply ? authorizations.importCsv(csv, who())
                : authorizations.previewCsv(csv), "pattern");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) throws InvalidAuthorizationException, AuthorizationConflictException {
        AuthorizationChange change = AuthorizationJson.fromJson(JsonDocuments.parseObject(body));
        AuthorizationSnapshot created = authorizations.create(change, who());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(AuthorizationJson.toJson(created))
                .build();
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public JsonObject get(@PathParam("id") long id) throws AuthorizationNotFoundException {
        return AuthorizationJson.toJson(authorizations.get(id));
    }

    @PUT
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(@PathParam("id") long id, String body)
            throws AuthorizationNotFoundException, InvalidAuthorizationException, AuthorizationConflictException {
        AuthorizationJson.Replacement replacement = AuthorizationJson.replacementFromJson(JsonDocuments.parseObject(body), id);
        return AuthorizationJson.toJson(
                authorizations.update(id, replacement.expectedVersion(), replacement.change(), who()));
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    public Response delete(@PathParam("id") long id) throws AuthorizationNotFoundException, AuthorizationConflictException {
        authorizations.delete(id, who());
        return Response.noContent().build();
    }

    private String who() {
        return security.getUserPrincipal().getName();
    }
}
