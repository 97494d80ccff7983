package dev.parley.interfaces.rest;

import dev.parley.domain.model.audit.InvalidAuditQueryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidAuditQueryMapper implements ExceptionMapper<InvalidAuditQueryException> {

    @Override
    public Response toResponse(InvalidAuditQueryException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid request", exception.problems());
    }
}
