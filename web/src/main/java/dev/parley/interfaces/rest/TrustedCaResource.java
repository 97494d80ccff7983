package dev.parley.interfaces.rest;

import dev.parley.application.CertificateService;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The CAs trusted for peer certificates besides the JDK's. POST adds one CA certificate (201 with its address; 400
 * with every problem, a bundle of several included), DELETE removes one (204; 404 for an unknown id).
 */
@Path("/admin/trusted-cas")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TrustedCaResource {

    @Inject
    CertificateService certificates;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonArray list() {
        return TrustedCaJson.toJson(certificates.trustedCas());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body) throws InvalidCertificateException {
        TrustedCaInfo added = certificates.addTrustedCa(TrustedCaJson.pemFromJson(JsonDocuments.parseObject(body)), who());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(added.id())).build())
                .entity(TrustedCaJson.toJson(added))
                .build();
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public JsonObject get(@PathParam("id") long id) throws TrustedCaNotFoundException {
        return TrustedCaJson.toJson(certificates.trustedCa(id));
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    public Response delete(@PathParam("id") long id) throws TrustedCaNotFoundException {
        certificates.removeTrustedCa(id, who());
        return Response.noContent().build();
    }

    private String who() {
        return security.getUserPrincipal().getName();
    }
}
