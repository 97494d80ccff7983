package dev.parley.xmpp.stream;

import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;
import dev.parley.xmpp.xml.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream error (RFC 6120 §4.9): fatal to the stream, sent just before {@code </stream:stream>}.
 *
 * @param condition the defined condition
 * @param text      an English explanation for the peer's administrators; it must not reveal
 *                  anything an attacker should not learn
 */
public record StreamError(StreamErrorCondition condition, Optional<String> text) {

    public StreamError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }

    public static StreamError of(StreamErrorCondition condition) {
        return new StreamError(condition, Optional.empty());
    }

    public static StreamError of(StreamErrorCondition condition, String text) {
        return new StreamError(condition, Optional.of(text));
    }

    /**
     * The condition of a peer's {@code <stream:error>} element and its text, if any, e.g.
     * {@code host-unknown: no such domain here}, for logs and reasons. The condition is the element's own name, so
     * that one this server does not know stays readable; the text is the peer's, as long as the peer made it.
     */
    public static String describe(XmlElement error) {
        String condition = error.elements().stream()
                .filter(child -> child.namespace().equals(XmppNamespaces.STREAM_ERRORS) && !child.name().equals("text"))
                .map(XmlElement::name).findFirst().orElse("undefined-condition");
        String text = error.elements().stream().filter(child -> child.name().equals("text"))
                .map(XmlElement::text).findFirst().map(value -> ": " + value).orElse("");
        return condition + text;
    }

    /** The {@code <stream:error>} element. */
    public XmlElement toElement() {
        List<XmlNode> children = new ArrayList<>(2);
        children.add(XmlElement.empty(condition.elementName(), XmppNamespaces.STREAM_ERRORS));
        text.ifPresent(value -> children.add(new XmlElement("text", XmppNamespaces.STREAM_ERRORS,
                List.of(new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "en")), List.of(new XmlText(value)))));
        return new XmlElement("error", XmppNamespaces.STREAMS, List.of(), children);
    }

    /** The {@code <stream:error>} element as text for a stream whose declarations are {@code scope}. */
    public String render(NamespaceScope scope) {
        return XmlWriter.write(toElement(), scope);
    }
}
