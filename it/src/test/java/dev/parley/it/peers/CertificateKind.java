package dev.parley.it.peers;

/** The server certificates {@link TestCa} issues, one per case a federation peer meets in the wild. */
public enum CertificateKind {
    /** Signed by the test CA, valid now, EKU serverAuth and clientAuth. */
    VALID,
    /** Signed by the test CA but with EKU serverAuth only, as public CAs issue them since 2025. */
    WITHOUT_CLIENT_AUTH,
    /**
     * As {@link #VALID}, but shaped as a public CA's: valid for a year, naming where its revocation is published (a
     * CRL and an OCSP responder, under {@code .invalid}: never fetched), which a TLS scanner asks of a certificate.
     */
    AS_A_PUBLIC_CA_ISSUES,
    /** As {@link #AS_A_PUBLIC_CA_ISSUES}, with an RSA key (2048 bits), which many public CAs still issue by default. */
    RSA_AS_A_PUBLIC_CA_ISSUES,
    /** Signed by its own key: encrypts, but authenticates nothing. */
    SELF_SIGNED,
    /** Signed by the test CA, valid only in the past. */
    EXPIRED;

    /** Whether it is shaped as a public CA's: a year's validity, where its revocation is published. */
    boolean asAPublicCaIssues() {
        return this == AS_A_PUBLIC_CA_ISSUES || this == RSA_AS_A_PUBLIC_CA_ISSUES;
    }
}
