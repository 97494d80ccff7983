package dev.parley.xmpp.tls;

/** What a {@link TlsPolicy} makes of a peer certificate's {@link CertificateVerdict}. */
public enum CertificateDecision {
    /** The certificate authenticates the peer: SASL EXTERNAL may be used (dialback still may). */
    AUTHENTICATES,
    /** The stream is kept, encrypted, but the peer must prove its domain by dialback. */
    DIALBACK_NEEDED,
    /** The stream must end: the policy demands a valid certificate and this one is not. */
    REFUSE
}
