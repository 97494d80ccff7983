package dev.parley.interfaces.rest;

import dev.parley.application.LocalUserService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.user.UserNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** What a signed-in local user reads about themselves: their address and their contact card as stored. */
@Path("/user/me")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class OwnAccountResource {

    @Inject
    LocalUserService users;

    @Inject
    ServedDomain servedDomain;

    @Context
    SecurityContext security;

    @GET
    public JsonObject me() throws UserNotFoundException {
        return UserJson.toJson(users.get(UserResource.userName(security.getUserPrincipal().getName())),
                servedDomain.name());
    }
}
