package dev.parley.xmpp.jid;

/** The three parts of a JID (RFC 7622 §3.1), for saying which one broke a rule. */
public enum JidPart {
    LOCALPART("localpart"),
    DOMAINPART("domainpart"),
    RESOURCEPART("resourcepart");

    private final String label;

    JidPart(String label) {
        this.label = label;
    }

    /** The RFC's name for the part, e.g. {@code localpart}. */
    public String label() {
        return label;
    }
}
