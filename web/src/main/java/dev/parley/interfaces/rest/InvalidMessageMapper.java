package dev.parley.interfaces.rest;

import dev.parley.application.InvalidMessageException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidMessageMapper implements ExceptionMapper<InvalidMessageException> {

    @Override
    public Response toResponse(InvalidMessageException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid message", exception.problems());
    }
}
