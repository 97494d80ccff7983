package dev.parley.domain.model.stanza;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;

/**
 * A stanza with the routing facts read from its own XML: kind, from, to, type and id (type and id
 * may be null). The XML is the stanza as it was given, without an XML declaration.
 */
public record StanzaEnvelope(StanzaKind kind, String from, String to, String type, String id, String xml) {

    public boolean isError() {
        return "error".equals(type);
    }

    /** The domain the stanza is addressed to. */
    public String toDomain() {
        return domainOf(to);
    }

    /** The domain the stanza comes from. */
    public String fromDomain() {
        return domainOf(from);
    }

    private static String domainOf(String jid) {
        try {
            return Jid.parse(jid).domainpart();
        } catch (InvalidJidException e) {
            // StanzaXml accepted the address, so only a PRECIS rule can fail here; the raw domain is the best name.
            int at = jid.indexOf('@');
            int slash = jid.indexOf('/', at + 1);
            return jid.substring(at + 1, slash < 0 ? jid.length() : slash);
        }
    }
}
