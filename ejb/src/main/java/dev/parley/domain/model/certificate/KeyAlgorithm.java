package dev.parley.domain.model.certificate;

/**
 * The key pairs Parley generates for a certificate signing request or a self-signed certificate: the two that every
 * CA signs and every XMPP server accepts. EC P-256 is the smaller and faster; RSA 3072 for CAs or peers that still
 * want RSA.
 */
public enum KeyAlgorithm {
    EC_P256("EC P-256", "EC", "SHA256withECDSA"),
    RSA_3072("RSA 3072", "RSA", "SHA256withRSA");

    private final String displayName;
    private final String jcaName;
    private final String signatureAlgorithm;

    KeyAlgorithm(String displayName, String jcaName, String signatureAlgorithm) {
        this.displayName = displayName;
        this.jcaName = jcaName;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String displayName() {
        return displayName;
    }

    /** The JCA key algorithm ({@code KeyPairGenerator.getInstance}). */
    public String jcaName() {
        return jcaName;
    }

    /** The JCA signature algorithm a request or certificate is signed with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
