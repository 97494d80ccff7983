package dev.parley.interfaces.rest;

import dev.parley.domain.model.user.InvalidUserException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidUserMapper implements ExceptionMapper<InvalidUserException> {

    @Override
    public Response toResponse(InvalidUserException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid user", exception.problems());
    }
}
