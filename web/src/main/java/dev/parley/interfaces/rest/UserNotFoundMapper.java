package dev.parley.interfaces.rest;

import dev.parley.domain.model.user.UserNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class UserNotFoundMapper implements ExceptionMapper<UserNotFoundException> {

    @Override
    public Response toResponse(UserNotFoundException exception) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, "not found", List.of(exception.getMessage()));
    }
}
