package dev.parley.interfaces.rest;

import dev.parley.domain.model.user.UserConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class UserConflictMapper implements ExceptionMapper<UserConflictException> {

    @Override
    public Response toResponse(UserConflictException exception) {
        return ProblemResponses.of(Response.Status.CONFLICT, "conflict", List.of(exception.getMessage()));
    }
}
