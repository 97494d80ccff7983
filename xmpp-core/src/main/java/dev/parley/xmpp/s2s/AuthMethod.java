package dev.parley.xmpp.s2s;

/** How the peer of an S2S session proved its domain. */
public enum AuthMethod {
    /** Server Dialback (XEP-0220), or none yet while the session is negotiating. */
    DIALBACK,
    /** SASL EXTERNAL with the certificate presented in TLS (XEP-0178). */
    SASL_EXTERNAL
}
