package dev.parley.xmpp.s2s;

/** How the peer of an S2S session proved its domain; SASL EXTERNAL joins when TLS does. */
public enum AuthMethod {
    /** Server Dialback (XEP-0220), or none yet while the session is negotiating. */
    DIALBACK
}
