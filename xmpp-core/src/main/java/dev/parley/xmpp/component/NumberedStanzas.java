package dev.parley.xmpp.component;

import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Optional;

/**
 * How Parley and a Parley XMPP Proxy make sure no stanza is lost or doubled when the link between them is cut (both
 * ends declare {@code xmlns:parley='urn:parley:proxy:0'} on their headers):
 * <ul>
 *   <li>right after the handshake each end names itself, {@code <parley:link instance='…'/>}, fresh each time it
 *       starts: numbers from an instance that has restarted mean nothing any more;</li>
 *   <li>each stanza travels numbered, {@code <parley:s n='7'><message …/></parley:s>}; one not acknowledged when the
 *       link ends is written again, with its number, on the next link, and the receiver takes each number once;</li>
 *   <li>Parley's stanzas are acknowledged one by one with the proxy's {@link Verdicts verdict}; the proxy's are
 *       acknowledged in order, {@code <parley:ack h='7'/>} saying that Parley has taken every one up to 7.</li>
 * </ul>
 */
final class NumberedStanzas {

    static final String PREFIX = "parley";
    private static final String STANZA = "s";
    private static final String LINK = "link";
    private static final String ACK = "ack";

    private NumberedStanzas() {
    }

    /**
     * The stanza, already written in the stream's scope, numbered {@code number}; the {@code parley} prefix is declared
     * on the header of the stream it travels on.
     */
    static String wrap(long number, String stanzaXml) {
        return "<" + PREFIX + ":" + STANZA + " n='" + number + "'>" + stanzaXml + "</" + PREFIX + ":" + STANZA + ">";
    }

    static boolean isNumbered(XmlElement element) {
        return is(element, STANZA);
    }

    /** @throws IllegalArgumentException when {@code n} is missing or not a positive number */
    static long number(XmlElement element) {
        return LinkElements.positive(element, "n", Long.MAX_VALUE);
    }

    /** The one stanza inside; @throws IllegalArgumentException when there is no such stanza */
    static XmlElement stanza(XmlElement numbered) {
        List<XmlElement> inside = numbered.elements();
        if (inside.size() != 1 || !ComponentStreams.isStanza(inside.get(0))) {
            throw new IllegalArgumentException("a numbered stanza must hold exactly one message, presence or iq");
        }
        return inside.get(0);
    }

    static XmlElement link(String instance) {
        return new XmlElement(LINK, ProxyPolicy.NAMESPACE, List.of(LinkElements.attribute("instance", instance)),
                List.of());
    }

    static boolean isLink(XmlElement element) {
        return is(element, LINK);
    }

    /** @throws IllegalArgumentException when the instance is missing or empty */
    static String instance(XmlElement link) {
        return Optional.of(LinkElements.required(link, "instance")).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("<link/> names no instance"));
    }

    static XmlElement ack(long upTo) {
        return new XmlElement(ACK, ProxyPolicy.NAMESPACE, List.of(LinkElements.attribute("h", Long.toString(upTo))),
                List.of());
    }

    static boolean isAck(XmlElement element) {
        return is(element, ACK);
    }

    /** @throws IllegalArgumentException when {@code h} is missing or not a positive number */
    static long acknowledged(XmlElement ack) {
        return LinkElements.positive(ack, "h", Long.MAX_VALUE);
    }

    private static boolean is(XmlElement element, String name) {
        return element.namespace().equals(ProxyPolicy.NAMESPACE) && element.name().equals(name);
    }

}
