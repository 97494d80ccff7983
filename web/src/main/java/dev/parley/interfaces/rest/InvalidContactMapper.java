package dev.parley.interfaces.rest;

import dev.parley.domain.model.roster.InvalidContactException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class InvalidContactMapper implements ExceptionMapper<InvalidContactException> {

    @Override
    public Response toResponse(InvalidContactException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid contact", List.of(exception.getMessage()));
    }
}
