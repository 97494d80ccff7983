package dev.parley.interfaces.console;

import dev.parley.application.CertificateService;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The waiting certificate signing request as a file to hand to the CA ({@code <domain>.csr}, PEM). Only its public
 * part: the key never leaves Parley. Behind the console's sign-in like every page.
 */
@WebServlet("/certificate-request.csr")
public class CertificateRequestDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateService certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CertificateRequestInfo> pending = certificates.pendingRequest();
        if (pending.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No certificate signing request waits: generate one on"
                    + " the certificates page.");
            return;
        }
        response.setContentType("application/pkcs10");
        response.setCharacterEncoding(StandardCharsets.US_ASCII.name());
        String file = pending.get().dnsNames().get(0).replace('*', '_') + ".csr";
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.getWriter().write(pending.get().csrPem());
    }
}
