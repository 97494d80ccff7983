package dev.parley.interfaces.rest;

import dev.parley.domain.model.roster.ContactNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class ContactNotFoundMapper implements ExceptionMapper<ContactNotFoundException> {

    @Override
    public Response toResponse(ContactNotFoundException exception) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, "not found", List.of(exception.getMessage()));
    }
}
