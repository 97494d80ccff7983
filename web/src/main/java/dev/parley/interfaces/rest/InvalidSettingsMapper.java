package dev.parley.interfaces.rest;

import dev.parley.domain.model.settings.InvalidSettingsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidSettingsMapper implements ExceptionMapper<InvalidSettingsException> {

    @Override
    public Response toResponse(InvalidSettingsException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid settings", exception.problems());
    }
}
