package dev.parley.xmpp.tls;

/**
 * How much TLS an S2S stream needs, strictest last. Set globally and overridable per remote
 * domain; it applies to inbound and outbound streams alike.
 */
public enum TlsPolicy {
    /** Never negotiate TLS. */
    NONE,
    /** TLS where both sides can, plaintext otherwise. */
    OPTIONAL,
    /** TLS or no stream; certificate problems are ignored and the peer is authenticated by dialback. */
    REQUIRED_IGNORE_CERT_ERRORS,
    /** TLS with a valid, trusted, name-matching peer certificate, or no stream. */
    REQUIRED_VALID_CERT;

    public boolean requiresTls() {
        return this == REQUIRED_IGNORE_CERT_ERRORS || this == REQUIRED_VALID_CERT;
    }

    /**
     * What this policy makes of a TLS peer's certificate. A trusted one always authenticates; an
     * untrusted one ends the stream under {@link #REQUIRED_VALID_CERT} and leaves dialback to prove
     * the domain otherwise (XEP-0220 §3 allows dialback over TLS with any certificate).
     */
    public CertificateDecision decide(CertificateVerdict verdict) {
        if (verdict.trusted()) {
            return CertificateDecision.AUTHENTICATES;
        }
        return this == REQUIRED_VALID_CERT ? CertificateDecision.REFUSE : CertificateDecision.DIALBACK_NEEDED;
    }
}
