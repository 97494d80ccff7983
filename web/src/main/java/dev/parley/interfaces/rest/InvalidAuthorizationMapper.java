package dev.parley.interfaces.rest;

import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidAuthorizationMapper implements ExceptionMapper<InvalidAuthorizationException> {

    @Override
    public Response toResponse(InvalidAuthorizationException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid authorization", exception.problems());
    }
}
