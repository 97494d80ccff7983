package dev.parley.xmpp.sm;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/**
 * The vocabulary of XEP-0198 stream management (version 3): the feature, enabling it, and the acknowledgement request
 * and answer. No resumption: a stream that ends is not taken up again, its peer sends again what was not acknowledged.
 */
public final class StreamManagement {

    public static final String NAMESPACE = "urn:xmpp:sm:3";

    private StreamManagement() {
    }

    /** {@code <sm/>} as a stream feature. */
    public static XmlElement feature() {
        return XmlElement.empty("sm", NAMESPACE);
    }

    /** The answer to {@code <enable/>}: enabled, and not resumable (no {@code id}, no {@code resume}). */
    public static XmlElement enabled() {
        return XmlElement.empty("enabled", NAMESPACE);
    }

    /** The answer to an {@code <enable/>} that cannot be granted, with a stanza error condition (XEP-0198 §4). */
    public static XmlElement failed(StanzaErrorCondition condition) {
        return new XmlElement("failed", NAMESPACE, List.of(),
                List.of(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NAMESPACE)));
    }

    /**
     * {@code <a h='…'/>}: {@code handled} stanzas received since enabling were handled. Counted modulo 2^32, as the
     * XEP's {@code h} is an unsigned 32-bit number that wraps.
     */
    public static XmlElement acknowledgement(long handled) {
        return new XmlElement("a", NAMESPACE, List.of(XmlAttribute.of("h", Integer.toUnsignedString((int) handled))),
                List.of());
    }

    /** Whether {@code element} belongs to stream management. */
    public static boolean is(XmlElement element) {
        return element.namespace().equals(NAMESPACE);
    }
}
