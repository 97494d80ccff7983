package dev.parley.interfaces.rest;

import dev.parley.application.SessionNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class SessionNotFoundMapper implements ExceptionMapper<SessionNotFoundException> {

    @Override
    public Response toResponse(SessionNotFoundException exception) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, "not found", List.of(exception.getMessage()));
    }
}
