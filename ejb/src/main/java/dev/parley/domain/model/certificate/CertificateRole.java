package dev.parley.domain.model.certificate;

/**
 * What a stored server certificate is for. The UC server's SIP certificate is kept beside the XMPP one because a
 * company that has only that one can still federate: when no XMPP certificate is stored, the SIP one is presented to
 * XMPP peers.
 */
public enum CertificateRole {
    XMPP(1, "XMPP server certificate"),
    SIP(2, "SIP server certificate");

    private final long rowId;
    private final String displayName;

    CertificateRole(long rowId, String displayName) {
        this.rowId = rowId;
        this.displayName = displayName;
    }

    /** The {@code server_certificate} row that holds it. */
    public long rowId() {
        return rowId;
    }

    /** As messages and the audit trail name it. */
    public String displayName() {
        return displayName;
    }
}
