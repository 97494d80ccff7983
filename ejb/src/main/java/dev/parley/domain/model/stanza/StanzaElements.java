package dev.parley.domain.model.stanza;

import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;
import dev.parley.xmpp.xml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Converts between the application's stanzas (XML text in an envelope) and the S2S engine's
 * element trees. Applications may write stanzas in {@code jabber:client} or no namespace; on a
 * server-to-server stream they travel in {@code jabber:server} (RFC 6120 §4.8.3), so the content
 * namespace is rewritten on the way out.
 */
public final class StanzaElements {

    public static final String SERVER_NAMESPACE = "jabber:server";
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

    private StanzaElements() {
    }

    /** The engine's element for {@code stanza}, whose XML was validated when the envelope was made. */
    public static XmlElement toElement(StanzaEnvelope stanza) {
        Element root = StanzaXml.takeParsedRoot(stanza);
        return convert(root, root.getNamespaceURI());
    }

    /**
     * The envelope for an element the engine received, checked as {@link StanzaXml#parse} checks XML text but not
     * parsed again: the engine read it as restricted XML already (parsing it again took an eighth of the deployed
     * server's CPU time while it took stanzas from a remote server).
     *
     * @throws InvalidStanzaException when the remote server sent something the application cannot
     *                                take (a stanza without {@code from}, say)
     */
    public static StanzaEnvelope toEnvelope(XmlElement stanza) throws InvalidStanzaException {
        return StanzaXml.envelope(stanza.name(), stanza.namespace(),
                attribute -> stanza.attribute(attribute).orElse(null), XmlWriter.write(stanza, NamespaceScope.of("")));
    }

    private static XmlElement convert(Element element, String contentNamespace) {
        String namespace = element.getNamespaceURI();
        boolean content = namespace == null || namespace.equals(contentNamespace);
        List<XmlAttribute> attributes = new ArrayList<>();
        NamedNodeMap domAttributes = element.getAttributes();
        for (int i = 0; i < domAttributes.getLength(); i++) {
            Attr attribute = (Attr) domAttributes.item(i);
            if (XMLNS_NAMESPACE.equals(attribute.getNamespaceURI())) {
                continue; // declarations: the engine's writer declares what it needs
            }
            String attributeNamespace = attribute.getNamespaceURI() == null ? "" : attribute.getNamespaceURI();
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            attributes.add(new XmlAttribute(attributeNamespace, name, attribute.getValue()));
        }
        List<XmlNode> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> children.add(convert((Element) child, contentNamespace));
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> children.add(new XmlText(child.getNodeValue()));
                default -> {
                    // Comments and processing instructions have no place in a stanza (RFC 6120 §11.1).
                }
            }
        }
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        return new XmlElement(name, content ? SERVER_NAMESPACE : namespace, attributes, children);
    }
}
