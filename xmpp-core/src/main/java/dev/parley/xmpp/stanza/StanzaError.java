package dev.parley.xmpp.stanza;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stanza error (RFC 6120 §8.3): the {@code <error/>} child of a stanza of type {@code error}.
 *
 * @param type      what the sender should do about it
 * @param condition the defined condition
 * @param text      an English explanation a person understands
 */
public record StanzaError(StanzaErrorType type, StanzaErrorCondition condition, Optional<String> text) {

    /** The namespace of stanzas on server-to-server streams, which the {@code <error/>} element shares. */
    private static final String SERVER = "jabber:server";

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }

    /** An error with the condition's usual type and an explanation. */
    public static StanzaError of(StanzaErrorCondition condition, String text) {
        return new StanzaError(condition.defaultType(), condition, Optional.of(text));
    }

    /**
     * The error a peer's error stanza carries: its {@code <error/>} child read leniently, since the stanza comes from
     * a server that may say less than RFC 6120 asks. A condition this server does not know is
     * {@link StanzaErrorCondition#UNDEFINED_CONDITION}, a missing or unknown type the condition's usual one. Empty
     * when the stanza has no {@code <error/>} child.
     */
    public static Optional<StanzaError> in(XmlElement stanza) {
        return stanza.elements().stream().filter(child -> child.name().equals("error")
                && child.namespace().equals(stanza.namespace())).findFirst().map(StanzaError::read);
    }

    private static StanzaError read(XmlElement error) {
        List<XmlElement> details = error.elements().stream()
                .filter(child -> child.namespace().equals(StanzaErrorCondition.NAMESPACE)).toList();
        StanzaErrorCondition condition = details.stream().filter(child -> !child.name().equals("text")).findFirst()
                .flatMap(child -> StanzaErrorCondition.ofElementName(child.name()))
                .orElse(StanzaErrorCondition.UNDEFINED_CONDITION);
        StanzaErrorType type = error.attribute("type").flatMap(StanzaErrorType::ofXmlValue)
                .orElse(condition.defaultType());
        Optional<String> text = details.stream().filter(child -> child.name().equals("text")).findFirst()
                .map(XmlElement::text);
        return new StanzaError(type, condition, text);
    }

    /** The {@code <error type='…'><condition/><text/></error>} element. */
    public XmlElement toElement() {
        List<XmlNode> children = new ArrayList<>(2);
        children.add(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NAMESPACE));
        text.ifPresent(value -> children.add(new XmlElement("text", StanzaErrorCondition.NAMESPACE,
                List.of(new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "en")), List.of(new XmlText(value)))));
        return new XmlElement("error", SERVER, List.of(XmlAttribute.of("type", type.xmlValue())), children);
    }
}
