package dev.parley.interfaces.rest;

import dev.parley.application.CertificateService;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The S2S server certificate: GET its description (404 when none is stored), PUT a new one (PKCS#12 or PEM key and
 * chain; 400 with every problem), DELETE it (204, also when none was stored). The key never leaves the server.
 */
@Path("/admin/certificate")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    @Inject
    CertificateService certificates;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        return certificates.current()
                .map(certificate -> Response.ok(CertificateJson.toJson(certificate)).build())
                .orElseGet(() -> ProblemResponses.of(Response.Status.NOT_FOUND, "not found", CertificateJson.notFound()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(String body) throws InvalidCertificateException {
        CertificateJson.Import request = CertificateJson.importFromJson(JsonDocuments.parseObject(body));
        CertificateInfo imported;
        if (request instanceof CertificateJson.Pkcs12 pkcs12) {
            imported = certificates.importPkcs12(pkcs12.keystore(), pkcs12.password(), who());
        } else {
            CertificateJson.Pem pem = (CertificateJson.Pem) request;
            imported = certificates.importPem(pem.privateKey(), pem.chain(), who());
        }
        return CertificateJson.toJson(imported);
    }

    @DELETE
    public Response delete() {
        certificates.remove(who());
        return Response.noContent().build();
    }

    private String who() {
        return security.getUserPrincipal().getName();
    }
}
