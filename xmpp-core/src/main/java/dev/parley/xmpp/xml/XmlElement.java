package dev.parley.xmpp.xml;

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
        // a loop, not a stream: every stanza's addresses are read this way on the I/O thread
        for (int i = 0; i < attributes.size(); i++) {
            XmlAttribute attribute = attributes.get(i);
            if (attribute.namespace().isEmpty() && attribute.name().equals(localName)) {
                return Optional.of(attribute.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The child elements only, skipping text. Without text among them, the children themselves (immutable already):
     * this is asked of every stanza on the I/O thread, several times for some, and copying cost each time.
     */
    public List<XmlElement> elements() {
        int count = 0;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof XmlElement) {
                count++;
            }
        }
        if (count == children.size()) {
            @SuppressWarnings("unchecked") // every child is an element
            List<XmlElement> all = (List<XmlElement>) (List<? extends XmlNode>) children;
            return all;
        }
        XmlElement[] elements = new XmlElement[count];
        int at = 0;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof XmlElement element) {
                elements[at++] = element;
            }
        }
        return List.of(elements);
    }

    /** The concatenated text directly inside this element (not of its descendants). */
    public String text() {
        String single = null;
        StringBuilder text = null;
        for (XmlNode child : children) {
            if (child instanceof XmlText characters) {
                if (single == null) {
                    single = characters.text();
                } else {
                    if (text == null) {
                        text = new StringBuilder(single);
                    }
                    text.append(characters.text());
                }
            }
        }
        return text != null ? text.toString() : single != null ? single : "";
    }
}
