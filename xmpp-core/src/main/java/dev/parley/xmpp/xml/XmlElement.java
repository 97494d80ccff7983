package dev.parley.xmpp.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element with its subtree; what the decoder hands up for every stanza.
 * Prefixes are deliberately not kept: in XML namespaces only the URI carries meaning, and the
 * writer chooses prefixes from the scope it writes into.
 *
 * @param name       local name, e.g. {@code message}
 * @param namespace  namespace URI, e.g. {@code jabber:server}; empty for no namespace
 * @param attributes attributes in document order
 * @param children   child elements and text in document order
 */
public record XmlElement(String name, String namespace, List<XmlAttribute> attributes, List<XmlNode> children)
        implements XmlNode {

    public XmlElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** An element without attributes or children, e.g. a stream error condition. */
    public static XmlElement empty(String name, String namespace) {
        return new XmlElement(name, namespace, List.of(), List.of());
    }

    /** The value of the attribute with this local name and no namespace. */
    public Optional<String> attribute(String localName) {
        return attributes.stream()
                .filter(attribute -> attribute.namespace().isEmpty() && attribute.name().equals(localName))
                .map(XmlAttribute::value)
                .findFirst();
    }

    /** The child elements only, skipping text. */
    public List<XmlElement> elements() {
        List<XmlElement> elements = new ArrayList<>();
        for (XmlNode child : children) {
            if (child instanceof XmlElement element) {
                elements.add(element);
            }
        }
        return List.copyOf(elements);
    }

    /** The concatenated text directly inside this element (not of its descendants). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (XmlNode child : children) {
            if (child instanceof XmlText characters) {
                text.append(characters.text());
            }
        }
        return text.toString();
    }
}
