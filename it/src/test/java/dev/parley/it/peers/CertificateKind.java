package dev.parley.it.peers;

/** The server certificates {@link TestCa} issues, one per case a federation peer meets in the wild. */
public enum CertificateKind {
    /** Signed by the test CA, valid now, EKU serverAuth and clientAuth. */
    VALID,
    /** Signed by the test CA but with EKU serverAuth only, as public CAs issue them since 2025. */
    WITHOUT_CLIENT_AUTH,
    /** Signed by its own key: encrypts, but authenticates nothing. */
    SELF_SIGNED,
    /** Signed by the test CA, valid only in the past. */
    EXPIRED
}
