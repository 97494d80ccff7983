package dev.parley.domain.model.stanza;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads one stanza from XML text handed in by an application (JMS body, REST) and writes it back.
 * Stanzas are restricted XML (RFC 6120 §11.1): a DOCTYPE, and with it every entity trick, is refused.
 */
public final class StanzaXml {

    /** Large enough for any stanza the S2S engine accepts; anything larger is refused before parsing. */
    public static final int MAX_CHARS = 256 * 1024;
    private static final int MAX_ADDRESS_CHARS = 3071;
    private static final int MAX_ID_CHARS = 1024;
    private static final String[] ACCEPTED_NAMESPACES = {null, "jabber:client", "jabber:server"};
    /**
     * Setting up a parser or a serializer costs more than a stanza's worth of work with it (measured: building one per
     * stanza was a sixth of the deployed server's CPU under load), so each thread keeps one of each. They hold only
     * JDK classes, so a redeployment leaves nothing of the application behind in the container's threads.
     */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(StanzaXml::newBuilder);
    private static final ThreadLocal<Transformer> SERIALIZERS = ThreadLocal.withInitial(StanzaXml::newSerializer);
    /**
     * The stanza this thread parsed last, kept for one read of its tree by the same thread ({@link #takeParsedRoot}):
     * the outbound consumer reads a message's envelope and right after converts the same XML for the engine. Only
     * stanzas up to {@link #KEPT_CHARS}, so that no thread holds on to a large tree.
     */
    private static final ThreadLocal<ParsedStanza> LAST_PARSED = new ThreadLocal<>();
    private static final int KEPT_CHARS = 16 * 1024;

    private record ParsedStanza(String xml, Element root) {
    }

    private StanzaXml() {
    }

    public static StanzaEnvelope parse(String xml) throws InvalidStanzaException {
        Element root = parseElement(xml).getDocumentElement();
        StanzaEnvelope envelope = envelope(root.getLocalName(), root.getNamespaceURI(),
                attribute -> optional(root, attribute), xml.strip());
        LAST_PARSED.set(envelope.xml().length() <= KEPT_CHARS ? new ParsedStanza(envelope.xml(), root) : null);
        return envelope;
    }

    /**
     * The envelope of a stanza read already as restricted XML (by the S2S engine, or by Parley before it queued it):
     * its element's {@code name}, {@code namespace} (null or empty for none) and {@code attributes} (by local name,
     * null when absent) checked as {@link #parse} checks a parsed one, {@code xml} its text.
     */
    public static StanzaEnvelope envelope(String name, String namespace, UnaryOperator<String> attributes, String xml)
            throws InvalidStanzaException {
        if (xml.length() > MAX_CHARS) {
            throw new InvalidStanzaException("The stanza has " + xml.length() + " characters; at most " + MAX_CHARS
                    + " are accepted");
        }
        StanzaKind kind = StanzaKind.ofElement(name);
        String inNamespace = namespace == null || namespace.isEmpty() ? null : namespace;
        if (!acceptedNamespace(inNamespace)) {
            throw new InvalidStanzaException("Stanza namespace must be jabber:client or jabber:server, not "
                    + inNamespace);
        }
        String from = address(attributes, "from");
        String to = address(attributes, "to");
        String type = attributes.apply("type");
        if (!kind.allowsType(type)) {
            throw new InvalidStanzaException(type == null ? "An <" + name + "/> needs a type"
                    : "type='" + type + "' is not allowed on <" + name + "/>");
        }
        String id = attributes.apply("id");
        if (id != null && id.length() > MAX_ID_CHARS) {
            throw new InvalidStanzaException("The stanza id has " + id.length() + " characters; at most "
                    + MAX_ID_CHARS + " are accepted");
        }
        return new StanzaEnvelope(kind, from, to, type, id, xml);
    }

    /**
     * The element of a stanza that {@link #parse} accepted, to be read once and not changed: the tree this thread
     * built for that very envelope's XML if it was the last one it parsed (then forgotten), else parsed anew.
     */
    static Element takeParsedRoot(StanzaEnvelope stanza) {
        ParsedStanza last = LAST_PARSED.get();
        LAST_PARSED.remove();
        // The same String, not only equal text: the envelope this thread just made.
        if (last != null && last.xml() == stanza.xml()) {
            return last.root();
        }
        return root(stanza);
    }

    /** The element of a stanza that {@link #parse} accepted, to read its content. */
    public static Element root(StanzaEnvelope stanza) {
        try {
            return parseElement(stanza.xml()).getDocumentElement();
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException("The envelope's XML was parsed once already", e);
        }
    }

    /**
     * The envelope of a stanza Parley built.
     *
     * @throws IllegalArgumentException when the document is no valid stanza: a mistake in the code that built it
     */
    public static StanzaEnvelope envelope(Document built) {
        try {
            return parse(write(built));
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException("Parley built an invalid stanza: " + e.getMessage(), e);
        }
    }

    static Document parseElement(String xml) throws InvalidStanzaException {
        if (xml == null || xml.isBlank()) {
            throw new InvalidStanzaException("The stanza is empty");
        }
        if (xml.length() > MAX_CHARS) {
            throw new InvalidStanzaException("The stanza has " + xml.length() + " characters; at most " + MAX_CHARS
                    + " are accepted");
        }
        try {
            Document document = parser().parse(new InputSource(new StringReader(xml)));
            if (!"1.0".equals(document.getXmlVersion())) {
                // XML 1.1 admits control characters that no XMPP stream may carry (RFC 6120 §11.6).
                throw new InvalidStanzaException("The stanza must be XML 1.0, not XML " + document.getXmlVersion());
            }
            return document;
        } catch (SAXException e) {
            throw new InvalidStanzaException("The stanza is not well-formed or restricted XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidStanzaException("The stanza could not be read: " + e.getMessage(), e);
        }
    }

    static String write(Document document) {
        Transformer serializer = SERIALIZERS.get();
        try {
            StringWriter out = new StringWriter();
            serializer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("A parsed stanza could not be written back", e);
        }
    }

    /** An empty namespace-aware document to build a stanza, or a part of one, in. */
    public static Document newDocument() {
        return PARSERS.get().newDocument();
    }

    /** This thread's parser, as it was set up. */
    private static DocumentBuilder parser() {
        DocumentBuilder parser = PARSERS.get();
        parser.reset();
        // Without this the parser prints fatal errors to stderr before throwing them.
        parser.setErrorHandler(null);
        return parser;
    }

    private static Transformer newSerializer() {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("The JDK cannot write XML", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        // The JDK's own parser, never a provider found on the deployment's class path.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // A stanza is small and read whole: building its nodes at once takes about half the time of Xerces'
            // deferred DOM, which allocates tables sized for large documents on every parse.
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser cannot be configured securely", e);
        }
    }

    private static boolean acceptedNamespace(String namespace) {
        for (String accepted : ACCEPTED_NAMESPACES) {
            if (accepted == null ? namespace == null : accepted.equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    private static String address(UnaryOperator<String> attributes, String attribute)
            throws InvalidStanzaException {
        String value = attributes.apply(attribute);
        if (value == null) {
            throw new InvalidStanzaException("The stanza has no '" + attribute + "' address; Parley routes only addressed stanzas");
        }
        if (value.length() > MAX_ADDRESS_CHARS || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidStanzaException("'" + attribute + "' is not an XMPP address: " + value);
        }
        return value;
    }

    private static String optional(Element root, String attribute) {
        return root.hasAttribute(attribute) ? root.getAttribute(attribute) : null;
    }
}
