package dev.parley.xmpp.sm;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.OptionalLong;

/**
 * The vocabulary of XEP-0198 stream management (version 3): the feature, enabling it, and the acknowledgement request
 * and answer. No resumption: a stream that ends is not taken up again, its sender sends again what was not
 * acknowledged.
 */
public final class StreamManagement {

    public static final String NAMESPACE = "urn:xmpp:sm:3";

    private StreamManagement() {
    }

    /** {@code <sm/>} as a stream feature. */
    public static XmlElement feature() {
        return XmlElement.empty("sm", NAMESPACE);
    }

    /** Whether {@code features} offer stream management. */
    public static boolean offered(XmlElement features) {
        return features.elements().stream().anyMatch(feature -> feature.name().equals("sm") && is(feature));
    }

    /** {@code <enable/>}, without asking for resumption. */
    public static XmlElement enable() {
        return XmlElement.empty("enable", NAMESPACE);
    }

    /** {@code <r/>}: how many of the stanzas sent since enabling were handled? */
    public static XmlElement request() {
        return XmlElement.empty("r", NAMESPACE);
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

    /** The {@code h} of an {@code <a/>}, an unsigned 32-bit number; empty when it is missing or not one. */
    public static OptionalLong handled(XmlElement acknowledgement) {
        String h = acknowledgement.attribute("h").orElse("");
        try {
            return OptionalLong.of(Integer.toUnsignedLong(Integer.parseUnsignedInt(h)));
        } catch (NumberFormatException notAnUnsignedInt) {
            return OptionalLong.empty();
        }
    }

    /**
     * How many of {@code sent} stanzas an {@code h} acknowledges: the largest count up to {@code sent} that is
     * {@code h} modulo 2^32 — {@code h} wraps, our count does not. Beyond one wrap behind {@code sent} nothing can
     * tell them apart; a stream waits for its acknowledgements long before that.
     */
    public static long unwrap(long sent, long h) {
        return sent - ((sent - h) & 0xFFFF_FFFFL);
    }

    /** Whether {@code element} belongs to stream management. */
    public static boolean is(XmlElement element) {
        return element.namespace().equals(NAMESPACE);
    }
}
