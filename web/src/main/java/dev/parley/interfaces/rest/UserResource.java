package dev.parley.interfaces.rest;

import dev.parley.application.LocalUserService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
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
 * The local users, by user name. 400 lists every problem of a request, 404 answers an unknown user, 409 a PUT based on
 * an outdated version. {@code GET} with {@code Accept: text/csv} exports them all; {@code import} takes such a file
 * and says what it would add and change, or with {@code ?apply=true} does it (all or, with any invalid line, nothing).
 */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    LocalUserService users;

    @Inject
    ServedDomain servedDomain;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonArray list() {
        return UserJson.toJson(users.list(), servedDomain.name());
    }

    /** All users as CSV, for {@code Accept: text/csv}; never a password. */
    @GET
    @Produces(CsvImportJson.CSV)
    public Response export() {
        return Response.ok(users.exportCsv())
                .header("Content-Disposition", "attachment; filename=\"users.csv\"").build();
    }

    @POST
    @Path("import")
    // text/csv only: a form on another site can post text/plain without a preflight, with the browser's Basic login.
    @Consumes(CsvImportJson.CSV)
    public JsonObject importCsv(@QueryParam("apply") @DefaultValue("false") boolean apply, String csv)
            throws InvalidUserException, UserConflictException {
        return CsvImportJson.toJson(apply ? users.importCsv(csv, who()) : users.previewCsv(csv), "userName");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) throws InvalidUserException, UserConflictException {
        UserSnapshot created = users.create(UserJson.fromJson(JsonDocuments.parseObject(body)), who());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.name().value()).build())
                .entity(UserJson.toJson(created, servedDomain.name()))
                .build();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) throws UserNotFoundException {
        return UserJson.toJson(users.get(userName(name)), servedDomain.name());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(@PathParam("name") String name, String body)
            throws UserNotFoundException, InvalidUserException, UserConflictException {
        UserJson.Replacement replacement = UserJson.replacementFromJson(JsonDocuments.parseObject(body));
        return UserJson.toJson(users.update(userName(name), replacement.expectedVersion(), replacement.change(), who()),
                servedDomain.name());
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) throws UserNotFoundException {
        users.delete(userName(name), who());
        return Response.noContent().build();
    }

    /** The user name of the address, or a 400 saying why it cannot be one. */
    static UserName userName(String text) {
        UserName.problem(text).ifPresent(problem -> {
            throw new InvalidRequestException(problem);
        });
        return UserName.of(text);
    }

    private String who() {
        return security.getUserPrincipal().getName();
    }
}
