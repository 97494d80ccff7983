package dev.parley.it.peers.wire;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The incoming side of one XMPP stream, read with the JDK's StAX parser, which reads only what the socket has
 * and so never waits for bytes that a blocking handshake has not asked for yet. A stream restart (after SASL)
 * needs a new reader over the same socket, since a second XML declaration ends an XML document.
 */
public final class StreamReader {

    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader xml;
    /** 0 outside the stream element, 1 inside it (between top-level elements), more inside one. */
    private int depth;

    private StreamReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** Reads up to and including the peer's stream header; the returned reader stands inside the stream. */
    public static StreamReader open(InputStream in) throws IOException {
        try {
            StreamReader reader = new StreamReader(FACTORY.createXMLStreamReader(in, "UTF-8"));
            reader.nextStart();
            if (!"stream".equals(reader.xml.getLocalName())) {
                throw new IOException("expected a stream header, got <" + reader.xml.getLocalName() + ">");
            }
            return reader;
        } catch (XMLStreamException e) {
            throw new IOException("the peer's stream header did not parse", e);
        }
    }

    /** The stream header's attribute, e.g. {@code id}. */
    public String streamAttribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    /**
     * Advances to the start of the next element at any depth and returns its depth (2 for a top-level element);
     * fails when the stream ends first.
     */
    public int nextStart() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return ++depth;
                }
                if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                    throw new StreamClosedException("the peer closed the stream");
                }
            }
            throw new StreamClosedException("the connection ended");
        } catch (XMLStreamException e) {
            throw new IOException("the peer sent XML that does not parse", e);
        }
    }

    /**
     * Advances to the start of the next element inside the element at {@code elementDepth} and returns its depth,
     * or -1 once that element ended.
     */
    public int nextStartWithin(int elementDepth) throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return ++depth;
                }
                if (event == XMLStreamConstants.END_ELEMENT && --depth < elementDepth) {
                    return -1;
                }
            }
            throw new StreamClosedException("the connection ended");
        } catch (XMLStreamException e) {
            throw new IOException("the peer sent XML that does not parse", e);
        }
    }

    /** Advances to the start of the next top-level element (a stanza, features, a dialback result). */
    public void nextTopLevel() throws IOException {
        int at;
        do {
            at = nextStart();
        } while (at != 2);
    }

    /** The current element's text; the reader then stands after its end. */
    public String text() throws IOException {
        try {
            String text = xml.getElementText();
            depth--;
            return text;
        } catch (XMLStreamException e) {
            throw new IOException("expected text in <" + xml.getLocalName() + ">", e);
        }
    }

    /** Skips the current element with its content; the reader then stands after its end. */
    public void skip() throws IOException {
        skip(null);
    }

    /** The current element and the names of what it holds, for error messages; the reader then stands after it. */
    public String describe() {
        StringBuilder text = new StringBuilder("<").append(name()).append(" xmlns='").append(namespace()).append('\'');
        if (attribute("type") != null) {
            text.append(" type='").append(attribute("type")).append('\'');
        }
        text.append('>');
        try {
            skip(text);
        } catch (IOException e) {
            text.append(" (unreadable after this: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    private void skip(StringBuilder childNames) throws IOException {
        int end = depth - 1;
        try {
            while (depth > end) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (childNames != null) {
                        childNames.append(" <").append(xml.getLocalName()).append("/>");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("the peer sent XML that does not parse", e);
        }
    }

    public String name() {
        return xml.getLocalName();
    }

    public String namespace() {
        String namespace = xml.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    /** The current element's attribute without namespace, or {@code null}. */
    public String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }
}
