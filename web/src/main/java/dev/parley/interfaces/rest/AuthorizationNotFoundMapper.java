package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class AuthorizationNotFoundMapper implements ExceptionMapper<AuthorizationNotFoundException> {

    @Override
    public Response toResponse(AuthorizationNotFoundException exception) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, "not found", List.of(exception.getMessage()));
    }
}
