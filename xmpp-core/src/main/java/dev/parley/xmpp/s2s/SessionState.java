package dev.parley.xmpp.s2s;

/** Where an S2S session stands, as the administrator sees it. */
public enum SessionState {
    /** Resolving the remote domain and connecting (outbound only). */
    CONNECTING,
    /** Connected; stream negotiation or dialback still under way, no stanza may pass yet. */
    NEGOTIATING,
    /** At least one domain pair is authenticated; stanzas flow. */
    AUTHENTICATED,
    /** The stream has ended. */
    CLOSED
}
