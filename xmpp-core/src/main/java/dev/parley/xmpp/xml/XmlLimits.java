package dev.parley.xmpp.xml;

/**
 * What a peer may send before the decoder gives up on it; every limit protects memory or CPU
 * from a hostile or broken peer. Violations end the stream with {@code policy-violation}.
 *
 * @param maxStanzaBytes the most bytes one first-level element (a stanza) may take, and also the
 *                       most bytes the prolog plus stream header, or any pending token between
 *                       stanzas, may take
 * @param maxDepth       how deeply elements may nest inside a stanza, the stanza itself being 1
 * @param maxAttributes  the most attributes plus namespace declarations on one element
 * @param maxElements    the most elements in one stanza, the stanza itself included: what the stanza's tree costs
 *                       in memory grows with them far faster than with its bytes (a {@code <a/>} is four bytes)
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxElements) {

    /**
     * 256 KiB per stanza is ten times more than chat and presence need (RFC 6120 §13.12 asks for
     * at least 10 000 bytes) and what Prosody allows its clients; vCards with photos still fit.
     * Real stanzas nest fewer than ten levels and carry fewer than a dozen attributes, so 32 and 64
     * leave room for extensions while bounding the parser's work. 5,000 elements hold a disco or pubsub result of
     * over a thousand items, and bound a stanza's tree to about a megabyte where 256 KiB of empty elements would
     * have made 65,000 of them.
     */
    public static final XmlLimits DEFAULTS = new XmlLimits(256 * 1024, 32, 64, 5_000);

    public XmlLimits {
        if (maxStanzaBytes < 10_000) {
            // RFC 6120 §13.12: a server must accept stanzas of at least 10 000 bytes.
            throw new IllegalArgumentException("maxStanzaBytes must be at least 10000, was " + maxStanzaBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1, was " + maxElements);
        }
        if (maxAttributes < 8) {
            // A stream header alone carries up to eight: from, to, id, version, xml:lang and namespaces.
            throw new IllegalArgumentException("maxAttributes must be at least 8, was " + maxAttributes);
        }
    }
}
