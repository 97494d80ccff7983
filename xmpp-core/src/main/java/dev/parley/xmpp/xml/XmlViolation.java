package dev.parley.xmpp.xml;

/**
 * Why the decoder refused the peer's XML. The framing layer only says what is wrong with the XML;
 * the stream layer decides which stream error the peer hears (one per RFC 6120 condition).
 */
public enum XmlViolation {
    /** Not well-formed XML, including invalid UTF-8 and undeclared entities in attribute values. */
    NOT_WELL_FORMED,
    /** Well-formed but outside XMPP's XML subset (RFC 6120 §11.1): DTD, comment, PI, entity reference. */
    RESTRICTED_XML,
    /** A configured {@link XmlLimits} limit was exceeded. */
    POLICY_VIOLATION,
    /** The XML declaration names an encoding other than UTF-8 (RFC 6120 §11.6). */
    UNSUPPORTED_ENCODING,
    /** Well-formed XML that cannot be an XMPP stream, such as text directly inside the stream element. */
    BAD_FORMAT
}
