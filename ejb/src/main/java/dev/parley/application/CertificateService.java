package dev.parley.application;

import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.TrustedCaInfo;
import dev.parley.domain.model.certificate.TrustedCaNotFoundException;
import dev.parley.xmpp.tls.ServerCredential;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The S2S server certificate (ARCHITECTURE.md feature 4) and the CAs trusted besides the JDK's. The private key is
 * kept sealed and never leaves through this interface except as the {@link #credential()} the engine presents. Every
 * successful change is audited and fires {@link FederationConfigurationChanged}, within the changing transaction.
 */
public interface CertificateService {

    /** The stored server certificate with remarks as of now, or empty when none is stored. */
    Optional<CertificateInfo> current();

    /**
     * Imports the server certificate from a PKCS#12 key store holding one private key and its chain, in place of any
     * stored one; or changes nothing and says why.
     *
     * @param password the password of the key store and its key; empty for none
     * @param who      the administrator making the change, recorded with it
     * @throws InvalidCertificateException with every problem: unreadable, wrong password, key not matching, not valid
     *                                     now, not usable by a TLS server …
     */
    CertificateInfo importPkcs12(byte[] keystore, String password, String who) throws InvalidCertificateException;

    /**
     * Imports the server certificate from a PEM PKCS#8 private key and a PEM chain (the server's certificate first),
     * in place of any stored one; or changes nothing and says why.
     *
     * @param who the administrator making the change, recorded with it
     * @throws InvalidCertificateException as for {@link #importPkcs12}
     */
    CertificateInfo importPem(String privateKeyPem, String chainPem, String who) throws InvalidCertificateException;

    /** Forgets the server certificate and its key; nothing happens (nothing is audited) when none is stored. */
    void remove(String who);

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
     * For the runtime: the stored key and chain, or empty when none is stored or the stored one cannot be opened
     * (logged: Parley's secret key file was replaced, say).
     */
    Optional<ServerCredential> credential();

    /** For the runtime: the certificates of the trusted CAs, in the order they were added. */
    List<X509Certificate> trustedCaCertificates();
}
