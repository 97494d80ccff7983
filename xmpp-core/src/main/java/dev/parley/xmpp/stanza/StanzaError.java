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

    /** The {@code <error type='…'><condition/><text/></error>} element. */
    public XmlElement toElement() {
        List<XmlNode> children = new ArrayList<>(2);
        children.add(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NAMESPACE));
        text.ifPresent(value -> children.add(new XmlElement("text", StanzaErrorCondition.NAMESPACE,
                List.of(new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "en")), List.of(new XmlText(value)))));
        return new XmlElement("error", SERVER, List.of(XmlAttribute.of("type", type.xmlValue())), children);
    }
}
