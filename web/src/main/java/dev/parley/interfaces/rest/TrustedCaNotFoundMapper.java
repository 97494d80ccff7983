package dev.parley.interfaces.rest;

import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class TrustedCaNotFoundMapper implements ExceptionMapper<TrustedCaNotFoundException> {

    @Override
    public Response toResponse(TrustedCaNotFoundException exception) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, "not found", List.of(exception.getMessage()));
    }
}
