package dev.parley.domain.model.stanza;

/**
 * A stanza with the routing facts read from its own XML: kind, from, to, type and id (type and id
 * may be null). The XML is the stanza as it was given, without an XML declaration.
 */
public record StanzaEnvelope(StanzaKind kind, String from, String to, String type, String id, String xml) {

    public boolean isError() {
        return "error".equals(type);
    }
}
