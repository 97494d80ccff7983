package dev.parley.domain.model.audit;

/** What an audit entry records. */
public enum AuditKind {
    /** An S2S stream was negotiated and authenticated; the entry names the method and the TLS used. */
    STREAM_OPENED,
    /** An S2S stream ended; the detail says why (idle, stream error, shutdown ...). */
    STREAM_CLOSED,
    /** A remote server's stream was refused, or a stream to one given up, during negotiation; the detail says why. */
    REFUSED,
    /** No connection to a remote domain could be made (DNS, TCP, timeout). */
    CONNECTION_FAILED,
    /** Proxy mode: the link to the proxy came up. */
    PROXY_LINK_UP,
    /** Proxy mode: the link to the proxy went down or could not be opened; the detail says why. */
    PROXY_LINK_DOWN,
    /** An inbound or outbound stanza refused by the domain authorizations. */
    STANZA_REFUSED,
    /** An administrator changed the federation settings; the detail says what and who. */
    SETTINGS_CHANGED,
    /** An administrator closed an S2S session; the entry names its direction, domains and peer, the detail who. */
    SESSION_CLOSED_BY_ADMIN,
    /** An administrator read stanzas kept for a local user; the detail says who, whose and how many. */
    MESSAGES_READ,
    /** An administrator created, changed or removed a local user, or changed a password; the detail says who. */
    USER_CHANGED
}
