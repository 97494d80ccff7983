package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.AuthorizationConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class AuthorizationConflictMapper implements ExceptionMapper<AuthorizationConflictException> {

    @Override
    public Response toResponse(AuthorizationConflictException exception) {
        return ProblemResponses.of(Response.Status.CONFLICT, "conflict", List.of(exception.getMessage()));
    }
}
