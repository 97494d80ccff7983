package dev.parley.domain.model.audit;

/** Which way the stream or stanza of an audit entry went. */
public enum AuditDirection {
    /** From a remote server to this one. */
    INBOUND,
    /** From this server to a remote one. */
    OUTBOUND,
    /** Neither: an administrator's change. */
    NONE
}
