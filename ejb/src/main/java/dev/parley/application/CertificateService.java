package dev.parley.application;

import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.CertificateRequestInfo;
import dev.parley.domain.model.certificate.CertificateRole;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import dev.parley.xmpp.tls.ServerCredential;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The server certificates (ARCHITECTURE.md feature 4: the XMPP one, and the UC server's SIP one presented in its
 * place while no XMPP certificate is stored), the certificate signing request waiting for a CA, and the CAs trusted
 * besides the JDK's. Private keys are kept sealed and never leave through this interface except as the
 * {@link #credential()} the engine presents. Every successful change is audited and fires
 * {@link FederationConfigurationChanged}, within the changing transaction.
 */
public interface CertificateService {

    /** The role's stored certificate with its chain and remarks as of now, or empty when none is stored. */
    Optional<CertificateInfo> current(CertificateRole role);

    /**
     * Which stored certificate the engine presents to XMPP peers: the XMPP one, else the SIP one; empty when neither
     * is stored (or can be opened).
     */
    Optional<CertificateRole> presented();

    /**
     * Imports the role's certificate from a PKCS#12 key store holding one private key and its chain, in place of any
     * stored one; or changes nothing and says why.
     *
     * @param password the password of the key store and its key; empty for none
     * @param who      the administrator making the change, recorded with it
     * @throws InvalidCertificateException with every problem: unreadable, wrong password, key not matching, not valid
     *                                     now, not usable by a TLS server …
     */
    CertificateInfo importPkcs12(CertificateRole role, byte[] keystore, String password, String who)
            throws InvalidCertificateException;

    /**
     * Imports the role's certificate from a PEM PKCS#8 private key and a PEM chain (the server's certificate first),
     * in place of any stored one; or changes nothing and says why.
     *
     * @param who the administrator making the change, recorded with it
     * @throws InvalidCertificateException as for {@link #importPkcs12}
     */
    CertificateInfo importPem(CertificateRole role, String privateKeyPem, String chainPem, String who)
            throws InvalidCertificateException;

    /** Forgets the role's certificate and its key; nothing happens (nothing is audited) when none is stored. */
    void remove(CertificateRole role, String who);

    /**
     * Generates a key pair and a certificate signing request for the XMPP certificate, in place of any request
     * waiting; the key stays here, sealed, until the CA's reply is imported onto it.
     *
     * @param dnsNames the names to request, one of them covering this server's XMPP domain; the first is also the
     *                 subject's common name
     * @throws InvalidCertificateException when a name is no DNS name or none covers the XMPP domain
     */
    CertificateRequestInfo requestCertificate(KeyAlgorithm algorithm, List<String> dnsNames, String who)
            throws InvalidCertificateException;

    /** The certificate signing request waiting for its CA's reply, or empty. */
    Optional<CertificateRequestInfo> pendingRequest();

    /**
     * Imports the CA's reply to the waiting request as the XMPP certificate, with the request's key, and forgets the
     * request; or changes nothing and says why.
     *
     * @param chainPem the certificate the CA issued, then its intermediates, as PEM
     * @throws InvalidCertificateException when no request waits, the certificate is for another key, or it cannot
     *                                     serve (as for {@link #importPem})
     */
    CertificateInfo importRequestReply(String chainPem, String who) throws InvalidCertificateException;

    /** Forgets the waiting request and its key; nothing happens (nothing is audited) when none waits. */
    void cancelRequest(String who);

    /**
     * Generates a key pair and a self-signed certificate valid for a year as the XMPP certificate, for trials: peers
     * accept it only where they ignore certificate errors or rely on dialback.
     *
     * @throws InvalidCertificateException as for {@link #requestCertificate}
     */
    CertificateInfo installSelfSigned(KeyAlgorithm algorithm, List<String> dnsNames, String who)
            throws InvalidCertificateException;

    /** The CAs trusted besides the JDK's, in the order they were added, with remarks as of now. */
    List<TrustedCaInfo> trustedCas();

    TrustedCaInfo trustedCa(long id) throws TrustedCaNotFoundException;

    /**
     * Trusts one more CA. The PEM text must hold exactly one certificate, a CA's (basic constraints), valid now and not
     * trusted already; a bundle is refused, so that every CA trusted is one decision in the audit trail.
     *
     * @throws InvalidCertificateException with every problem
     */
    TrustedCaInfo addTrustedCa(String pem, String who) throws InvalidCertificateException;

    void removeTrustedCa(long id, String who) throws TrustedCaNotFoundException;

    /**
     * For the runtime: the key and chain presented to XMPP peers (the XMPP certificate, else the SIP one), or empty
     * when none is stored or the stored ones cannot be opened (logged: Parley's secret key file was replaced, say).
     */
    Optional<ServerCredential> credential();

    /** For the runtime: the certificates of the trusted CAs, in the order they were added. */
    List<X509Certificate> trustedCaCertificates();
}
