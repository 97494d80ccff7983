package dev.parley.it.peers;

/** The DNS SRV services by which XMPP servers find each other's S2S port (RFC 6120, XEP-0368). */
public enum SrvService {
    /** Plain TCP, upgraded with STARTTLS where both sides agree. */
    XMPP_SERVER("_xmpp-server._tcp"),
    /** TLS from the first byte (XEP-0368). */
    XMPPS_SERVER("_xmpps-server._tcp");

    private final String label;

    SrvService(String label) {
        this.label = label;
    }

    /** The owner name of the record for a domain, e.g. {@code _xmpp-server._tcp.prosody.test}. */
    public String recordName(String domain) {
        return label + "." + domain;
    }
}
