package dev.parley.xmpp.testing;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one side wrote on an XMPP stream, parsed by the JDK's DOM parser (not by the code
 * under test). A stream that is still open is closed here before parsing, which {@link #closed()}
 * records.
 *
 * @param stream the {@code <stream:stream>} element with all that was sent inside it
 * @param closed whether the writer sent {@code </stream:stream>} itself
 */
public record StreamTranscript(Element stream, boolean closed) {

    public static final String STREAMS = "http://etherx.jabber.org/streams";
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";

    public static StreamTranscript parse(String written) {
        boolean closed = written.endsWith("</stream:stream>");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Element root = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(closed ? written : written + "</stream:stream>")))
                    .getDocumentElement();
            if (!STREAMS.equals(root.getNamespaceURI()) || !"stream".equals(root.getLocalName())) {
                throw new AssertionError("not an XMPP stream: " + written);
            }
            return new StreamTranscript(root, closed);
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + written, e);
        }
    }

    /** A header attribute in no namespace, empty when absent. */
    public Optional<String> header(String name) {
        return stream.hasAttribute(name) ? Optional.of(stream.getAttribute(name)) : Optional.empty();
    }

    /** The {@code xml:lang} of the header, empty when absent. */
    public Optional<String> lang() {
        String lang = stream.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
        return lang.isEmpty() ? Optional.empty() : Optional.of(lang);
    }

    /** The content namespace the header declared as default. */
    public String defaultNamespace() {
        return stream.getAttribute("xmlns");
    }

    /** First-level child elements, in order. */
    public List<Element> children() {
        List<Element> children = new ArrayList<>();
        for (Node node = stream.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** Whether the first-level children are exactly an empty {@code <stream:features/>}. */
    public boolean hasOnlyEmptyFeatures() {
        List<Element> children = children();
        return children.size() == 1 && STREAMS.equals(children.get(0).getNamespaceURI())
                && "features".equals(children.get(0).getLocalName()) && !children.get(0).hasChildNodes();
    }

    /** The defined condition of the stream error, when the stream carries exactly one error as last child. */
    public Optional<String> errorCondition() {
        return errorChild(false).map(Element::getLocalName);
    }

    /** The text of the stream error, when the stream's last child is an error with a text. */
    public Optional<String> errorText() {
        return errorChild(true).map(Element::getTextContent);
    }

    private Optional<Element> errorChild(boolean text) {
        List<Element> children = children();
        if (children.isEmpty()) {
            return Optional.empty();
        }
        Element last = children.get(children.size() - 1);
        if (!STREAMS.equals(last.getNamespaceURI()) || !"error".equals(last.getLocalName())) {
            return Optional.empty();
        }
        for (Node node = last.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && STREAM_ERRORS.equals(child.getNamespaceURI())
                    && "text".equals(child.getLocalName()) == text) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }
}
