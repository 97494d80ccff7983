package dev.parley.xmpp.tls;

/** Why a peer certificate does not authenticate its domain. */
public enum CertificateProblem {
    /** The peer sent no certificate at all. */
    NO_CERTIFICATE,
    /** Its validity ended before now. */
    EXPIRED,
    /** Its validity starts after now. */
    NOT_YET_VALID,
    /** Signed by its own key and not itself trusted. */
    SELF_SIGNED,
    /** No path leads from it to a trusted CA. */
    UNTRUSTED,
    /** Valid and trusted, but for other names than the stream's domain. */
    NAME_MISMATCH
}
