package dev.parley.interfaces.console;

import dev.parley.application.CertificateService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The certificates page: the XMPP and SIP server certificates with their chains and warnings, importing either
 * (PKCS#12 or PEM), a certificate signing request generated here and the CA's reply imported onto its key, a
 * self-signed certificate for trials, and the trusted partner CAs. Every action is one call of
 * {@link CertificateService}, as the REST API makes it. Keys and passwords typed in are dropped after the action,
 * successful or not, so that a page shown again never holds them.
 */
@Named
@RequestScoped
public class CertificatesPage {

    /** A PKCS#12 file larger than this is refused before it is read whole; real ones are a few KiB. */
    static final long MAX_UPLOAD = 256 * 1024;
    private static final String PAGE = "/certificates.xhtml?faces-redirect=true";

    @Inject
    CertificateService certificates;

    @Inject
    ServedDomain servedDomain;

    @Inject
    Administrator administrator;

    private Optional<CertificateInfo> xmpp;
    private Optional<CertificateInfo> sip;
    private Optional<CertificateRole> presented;
    private Optional<CertificateRequestInfo> pending;

    private KeyAlgorithm requestAlgorithm = KeyAlgorithm.EC_P256;
    private String requestNames;
    private String replyChain;
    private KeyAlgorithm selfSignedAlgorithm = KeyAlgorithm.EC_P256;
    private String selfSignedNames;
    private CertificateRole importRole = CertificateRole.XMPP;
    private Part pkcs12File;
    private String pkcs12Password;
    private String privateKeyPem;
    private String chainPem;
    private String trustedCaPem;

    @PostConstruct
    void read() {
        xmpp = certificates.current(CertificateRole.XMPP);
        sip = certificates.current(CertificateRole.SIP);
        presented = certificates.presented();
        pending = certificates.pendingRequest();
        requestNames = servedDomain.name();
        selfSignedNames = servedDomain.name();
    }

    public String generateRequest() {
        try {
            CertificateRequestInfo request = certificates.requestCertificate(requestAlgorithm, lines(requestNames),
                    administrator.getName());
            Messages.done("Generated an " + request.summary() + ". Give the request below to your CA, then import its"
                    + " reply here.");
            return PAGE;
        } catch (InvalidCertificateException e) {
            e.problems().forEach(problem -> Messages.problem("request:requestNames", problem));
            return null;
        }
    }

    public String importReply() {
        try {
            CertificateInfo installed = certificates.importRequestReply(replyChain, administrator.getName());
            Messages.done("Installed the CA's certificate for the request: " + installed.subject() + ", valid until "
                    + installed.notAfter() + ".");
            return PAGE;
        } catch (InvalidCertificateException e) {
            e.problems().forEach(problem -> Messages.problem("reply:replyChain", problem));
            return null;
        }
    }

    public String cancelRequest() {
        certificates.cancelRequest(administrator.getName());
        Messages.done("Cancelled the certificate signing request; its key is gone.");
        return PAGE;
    }

    public String installSelfSigned() {
        try {
            CertificateInfo installed = certificates.installSelfSigned(selfSignedAlgorithm, lines(selfSignedNames),
                    administrator.getName());
            Messages.done("Installed a self-signed certificate for " + String.join(", ", installed.dnsNames())
                    + ", valid until " + installed.notAfter() + ".");
            return PAGE;
        } catch (InvalidCertificateException e) {
            e.problems().forEach(problem -> Messages.problem("self-signed:selfSignedNames", problem));
            return null;
        }
    }

    /** Imports the chosen role's certificate from the PKCS#12 file if one was chosen, else from the PEM fields. */
    public String importCertificate() {
        try {
            CertificateInfo imported;
            if (pkcs12File != null && pkcs12File.getSize() > 0) {
                imported = certificates.importPkcs12(importRole, uploaded(pkcs12File),
                        pkcs12Password == null ? "" : pkcs12Password, administrator.getName());
            } else {
                imported = certificates.importPem(importRole, privateKeyPem, chainPem, administrator.getName());
            }
            Messages.done("Imported the " + importRole.displayName() + " " + imported.subject() + ", valid until "
                    + imported.notAfter() + ".");
            return PAGE;
        } catch (InvalidCertificateException e) {
            e.problems().forEach(problem -> Messages.problem("import:import-certificate", problem));
            return null;
        } finally {
            pkcs12Password = null;
            privateKeyPem = null;
        }
    }

    public String remove(CertificateRole role) {
        certificates.remove(role, administrator.getName());
        Messages.done("Removed the " + role.displayName() + " and its key.");
        return PAGE;
    }

    public String addTrustedCa() {
        try {
            TrustedCaInfo added = certificates.addTrustedCa(trustedCaPem, administrator.getName());
            Messages.done("Trusting " + added.subject() + " (SHA-256 " + added.sha256() + ") from now on.");
            return PAGE;
        } catch (InvalidCertificateException e) {
            e.problems().forEach(problem -> Messages.problem("trust:trustedCaPem", problem));
            return null;
        }
    }

    public String removeTrustedCa(TrustedCaInfo ca) {
        try {
            certificates.removeTrustedCa(ca.id(), administrator.getName());
            Messages.done("No longer trusting " + ca.subject() + ".");
        } catch (TrustedCaNotFoundException e) {
            Messages.done(ca.subject() + " was removed already, by another administrator.");
        }
        return PAGE;
    }

    /** What the engine presents to XMPP peers, in a sentence. */
    public String getPresentedText() {
        if (presented.isEmpty()) {
            return "No certificate is installed: this server cannot offer TLS, so peers that require it (most public"
                    + " servers) will not federate. Import one, request one from a CA, or create a self-signed one"
                    + " for trials.";
        }
        if (presented.get() == CertificateRole.SIP) {
            return "No XMPP certificate is installed: the SIP server certificate is presented to XMPP peers.";
        }
        return "The XMPP server certificate is presented to XMPP peers.";
    }

    private static byte[] uploaded(Part part) throws InvalidCertificateException {
        if (part.getSize() > MAX_UPLOAD) {
            throw new InvalidCertificateException("the PKCS#12 file is too large (" + part.getSize() + " bytes; at most "
                    + MAX_UPLOAD / 1024 + " KiB): a server certificate with its chain takes a few KiB");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidCertificateException("the PKCS#12 file could not be read: " + e.getMessage());
        }
    }

    /**
     * A certificate text to show again after a failed import, or nothing when a private key was pasted into it by
     * mistake: a key never goes back to a page.
     */
    private static String withoutKey(String pem) {
        return pem == null || pem.contains("PRIVATE KEY") ? null : pem;
    }

    /** One DNS name a line (commas and blanks separate too). */
    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("[\\s,]+"));
    }

    public Optional<CertificateInfo> getXmpp() {
        return xmpp;
    }

    public Optional<CertificateInfo> getSip() {
        return sip;
    }

    public Optional<CertificateRequestInfo> getPending() {
        return pending;
    }

    public List<TrustedCaInfo> getTrustedCas() {
        return certificates.trustedCas();
    }

    public KeyAlgorithm[] getAlgorithms() {
        return KeyAlgorithm.values();
    }

    public CertificateRole[] getRoles() {
        return CertificateRole.values();
    }

    public KeyAlgorithm getRequestAlgorithm() {
        return requestAlgorithm;
    }

    public void setRequestAlgorithm(KeyAlgorithm requestAlgorithm) {
        this.requestAlgorithm = requestAlgorithm;
    }

    public String getRequestNames() {
        return requestNames;
    }

    public void setRequestNames(String requestNames) {
        this.requestNames = requestNames;
    }

    public String getReplyChain() {
        return withoutKey(replyChain);
    }

    public void setReplyChain(String replyChain) {
        this.replyChain = replyChain;
    }

    public KeyAlgorithm getSelfSignedAlgorithm() {
        return selfSignedAlgorithm;
    }

    public void setSelfSignedAlgorithm(KeyAlgorithm selfSignedAlgorithm) {
        this.selfSignedAlgorithm = selfSignedAlgorithm;
    }

    public String getSelfSignedNames() {
        return selfSignedNames;
    }

    public void setSelfSignedNames(String selfSignedNames) {
        this.selfSignedNames = selfSignedNames;
    }

    public CertificateRole getImportRole() {
        return importRole;
    }

    public void setImportRole(CertificateRole importRole) {
        this.importRole = importRole;
    }

    public Part getPkcs12File() {
        return pkcs12File;
    }

    public void setPkcs12File(Part pkcs12File) {
        this.pkcs12File = pkcs12File;
    }

    /** Never shown again: the field stays empty on every page. */
    public String getPkcs12Password() {
        return null;
    }

    public void setPkcs12Password(String pkcs12Password) {
        this.pkcs12Password = pkcs12Password;
    }

    /** Never shown again: the field stays empty on every page. */
    public String getPrivateKeyPem() {
        return null;
    }

    public void setPrivateKeyPem(String privateKeyPem) {
        this.privateKeyPem = privateKeyPem;
    }

    public String getChainPem() {
        return withoutKey(chainPem);
    }

    public void setChainPem(String chainPem) {
        this.chainPem = chainPem;
    }

    public String getTrustedCaPem() {
        return withoutKey(trustedCaPem);
    }

    public void setTrustedCaPem(String trustedCaPem) {
        this.trustedCaPem = trustedCaPem;
    }
}
