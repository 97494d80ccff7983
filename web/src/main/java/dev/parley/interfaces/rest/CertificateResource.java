package dev.parley.interfaces.rest;

import dev.parley.application.CertificateService;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * The server certificates. {@code /admin/certificate} is the XMPP certificate and {@code /admin/certificate/sip} the
 * UC server's SIP certificate, presented to XMPP peers while no XMPP certificate is stored: GET describes one (404
 * when none is stored), PUT imports one (PKCS#12 or PEM key and chain; 400 with every problem), DELETE forgets it
 * (204, also when none was stored). {@code /admin/certificate/request} is the certificate signing request waiting for
 * a CA: POST generates one, GET shows it with its PEM, DELETE cancels it, and POST {@code …/request/reply} imports the
 * CA's certificate onto its key. POST {@code /admin/certificate/self-signed} generates a trial certificate. Private
 * keys never leave the server.
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
        return describe(CertificateRole.XMPP);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(String body) throws InvalidCertificateException {
        return importFor(CertificateRole.XMPP, body);
    }

    @DELETE
    public Response delete() {
        certificates.remove(CertificateRole.XMPP, who());
        return Response.noContent().build();
    }

    @GET
    @Path("sip")
    public Response getSip() {
        return describe(CertificateRole.SIP);
    }

    @PUT
    @Path("sip")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject putSip(String body) throws InvalidCertificateException {
        return importFor(CertificateRole.SIP, body);
    }

    @DELETE
    @Path("sip")
    public Response deleteSip() {
        certificates.remove(CertificateRole.SIP, who());
        return Response.noContent().build();
    }

    @POST
    @Path("request")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(String body) throws InvalidCertificateException {
        CertificateJson.Generate generate = CertificateJson.generateFromJson(JsonDocuments.parseObject(body));
        CertificateRequestInfo request = certificates.requestCertificate(generate.algorithm(), generate.dnsNames(),
                who());
        return Response.status(Response.Status.CREATED).entity(CertificateJson.toJson(request)).build();
    }

    @GET
    @Path("request")
    public Response pendingRequest() {
        return certificates.pendingRequest()
                .map(request -> Response.ok(CertificateJson.toJson(request)).build())
                .orElseGet(() -> ProblemResponses.of(Response.Status.NOT_FOUND, "not found",
                        CertificateJson.noRequest()));
    }

    @DELETE
    @Path("request")
    public Response cancelRequest() {
        certificates.cancelRequest(who());
        return Response.noContent().build();
    }

    @POST
    @Path("request/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject reply(String body) throws InvalidCertificateException {
        String chain = CertificateJson.replyFromJson(JsonDocuments.parseObject(body));
        return withPresented(certificates.importRequestReply(chain, who()));
    }

    @POST
    @Path("self-signed")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject selfSigned(String body) throws InvalidCertificateException {
        CertificateJson.Generate generate = CertificateJson.generateFromJson(JsonDocuments.parseObject(body));
        return withPresented(certificates.installSelfSigned(generate.algorithm(), generate.dnsNames(), who()));
    }

    private Response describe(CertificateRole role) {
        return certificates.current(role)
                .map(certificate -> Response.ok(withPresented(certificate)).build())
                .orElseGet(() -> ProblemResponses.of(Response.Status.NOT_FOUND, "not found",
                        CertificateJson.notFound(role)));
    }

    private JsonObject importFor(CertificateRole role, String body) throws InvalidCertificateException {
        CertificateJson.Import request = CertificateJson.importFromJson(JsonDocuments.parseObject(body));
        CertificateInfo imported;
        if (request instanceof CertificateJson.Pkcs12 pkcs12) {
            imported = certificates.importPkcs12(role, pkcs12.keystore(), pkcs12.password(), who());
        } else {
            CertificateJson.Pem pem = (CertificateJson.Pem) request;
            imported = certificates.importPem(role, pem.privateKey(), pem.chain(), who());
        }
        return withPresented(imported);
    }

    private JsonObject withPresented(CertificateInfo certificate) {
        Optional<CertificateRole> presented = certificates.presented();
        return CertificateJson.toJson(certificate, presented.equals(Optional.of(certificate.role())));
    }

    private String who() {
        return security.getUserPrincipal().getName();
    }
}
