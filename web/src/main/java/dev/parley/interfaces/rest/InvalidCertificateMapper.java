package dev.parley.interfaces.rest;

import dev.parley.domain.model.certificate.InvalidCertificateException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidCertificateMapper implements ExceptionMapper<InvalidCertificateException> {

    @Override
    public Response toResponse(InvalidCertificateException exception) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid certificate", exception.problems());
    }
}
