package dev.parley.xmpp.xml;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What {@link XmlStreamDecoder} produces: the stream opened, one first-level element, the stream closed. */
public sealed interface XmlStreamEvent {

    /**
     * The root element's start tag arrived (for XMPP the {@code <stream:stream>} header).
     *
     * @param name                  local name of the root element
     * @param namespace             its namespace URI
     * @param attributes            its attributes in document order
     * @param namespaceDeclarations the namespaces it declares, prefix to URI, {@code ""} for the default
     *                              namespace (the stream's content namespace, e.g. {@code jabber:server})
     */
    record StreamOpened(String name, String namespace, List<XmlAttribute> attributes,
                        Map<String, String> namespaceDeclarations) implements XmlStreamEvent {

        public StreamOpened {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(namespace, "namespace");
            attributes = List.copyOf(attributes);
            namespaceDeclarations = Map.copyOf(namespaceDeclarations);
        }

        /** The value of the attribute with this local name and no namespace. */
        public Optional<String> attribute(String localName) {
            return attribute("", localName);
        }

        /** The value of the attribute with this namespace and local name. */
        public Optional<String> attribute(String namespace, String localName) {
            return attributes.stream()
                    .filter(attribute -> attribute.namespace().equals(namespace) && attribute.name().equals(localName))
                    .map(XmlAttribute::value)
                    .findFirst();
        }

        /** The default namespace the header declares, which becomes the namespace of unprefixed stanzas. */
        public Optional<String> defaultNamespace() {
            return Optional.ofNullable(namespaceDeclarations.get(""));
        }
    }

    /** One complete child of the root element, such as a stanza. */
    record ElementReceived(XmlElement element) implements XmlStreamEvent {

        public ElementReceived {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The root element's end tag arrived ({@code </stream:stream>}); nothing after it is read. */
    enum StreamClosed implements XmlStreamEvent {
        INSTANCE
    }
}
