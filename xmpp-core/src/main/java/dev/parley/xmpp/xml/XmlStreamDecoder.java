package dev.parley.xmpp.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.codehaus.stax2.XMLInputFactory2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Frames an XMPP stream: turns bytes into {@link XmlStreamEvent}s with Aalto's non-blocking parser,
 * so a slow peer never holds a thread. Emits {@link XmlStreamEvent.StreamOpened} for the root start
 * tag, {@link XmlStreamEvent.ElementReceived} for each complete first-level element, and
 * {@link XmlStreamEvent.StreamClosed} for the root end tag. Whitespace between stanzas (keepalives)
 * is dropped.
 *
 * <p>Anything XMPP forbids or the {@link XmlLimits} cap ends decoding with an
 * {@link XmlViolationException}; every later byte is discarded, since after a violation the
 * stream is over. One instance per channel: the parser holds that channel's state.
 */
public final class XmlStreamDecoder extends ByteToMessageDecoder {

    private enum Phase {
        /** Before the root start tag: XML declaration and whitespace only. */
        PROLOG,
        /** Inside the root element, between or within first-level elements. */
        STREAM,
        /** The root element ended or a violation occurred; input is ignored. */
        ENDED
    }

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private final XmlLimits limits;
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private final ElementAssembler stanza = new ElementAssembler();
    private final Utf8Validator utf8 = new Utf8Validator();
    private Phase phase = Phase.PROLOG;
    // Kept only until the header arrives, to recognise a DOCTYPE that Aalto rejects as malformed.
    private ByteArrayOutputStream prolog = new ByteArrayOutputStream();
    private long bytesFed;
    // Where the bytes that have not yet become a complete unit (header, stanza, whitespace) begin.
    private long pendingSince;
    private long stanzaStart;
    private int elementsInStanza;

    public XmlStreamDecoder(XmlLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // A factory per channel, not a shared one: Aalto factories share symbol tables between their
        // readers, which would let one peer's element names grow a table that every channel uses.
        this.reader = restrictedFactory().createAsyncForByteArray();
    }

    private static AsyncXMLInputFactory restrictedFactory() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        // No DTDs and no external entities: XMPP forbids both (RFC 6120 §11.1), and they are the
        // doors for entity expansion and external entity (XXE) attacks.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Report entity references instead of resolving them, so that they can be refused.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Names come from untrusted peers; interning them would let a peer fill the JVM string table.
        factory.setProperty(XMLInputFactory2.P_INTERN_NAMES, false);
        factory.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, false);
        return factory;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (phase == Phase.ENDED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        // A fresh array starting at offset 0 for every read: Aalto 1.3.3 miscounts byte offsets
        // when fed at a non-zero offset, and it keeps the array until it asks for more input.
        byte[] chunk = new byte[in.readableBytes()];
        in.readBytes(chunk);
        bytesFed += chunk.length;
        if (phase == Phase.PROLOG) {
            prolog.writeBytes(chunk);
        }
        try {
            utf8.check(chunk);
        } catch (CharacterCodingException e) {
            throw violation(XmlViolation.NOT_WELL_FORMED, "invalid UTF-8", e);
        }
        try {
            reader.getInputFeeder().feedInput(chunk, 0, chunk.length);
            readEvents(out);
        } catch (XMLStreamException | UncheckedStreamException e) {
            // Aalto's non-blocking parser cannot read an internal DTD subset and reports it as
            // malformed; a DOCTYPE in the prolog is first of all a restricted construct, say so.
            XmlViolation violation = phase == Phase.PROLOG && prologContainsDoctype()
                    ? XmlViolation.RESTRICTED_XML
                    : XmlViolation.NOT_WELL_FORMED;
            throw violation(violation, e.getMessage(), e);
        }
    }

    private void readEvents(List<Object> out) throws XMLStreamException {
        while (phase != Phase.ENDED) {
            int event = reader.next();
            switch (event) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE -> {
                    enforcePendingLimit();
                    return;
                }
                case XMLStreamConstants.START_DOCUMENT -> requireUtf8();
                case XMLStreamConstants.DTD -> throw violation(XmlViolation.RESTRICTED_XML,
                        "DOCTYPE declarations are not allowed");
                case XMLStreamConstants.COMMENT -> throw violation(XmlViolation.RESTRICTED_XML,
                        "comments are not allowed");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw violation(XmlViolation.RESTRICTED_XML,
                        "processing instructions are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw violation(XmlViolation.RESTRICTED_XML,
                        "entity reference &" + reader.getLocalName() + "; is not one of the five predefined entities");
                case XMLStreamConstants.START_ELEMENT -> startElement(out);
                case XMLStreamConstants.END_ELEMENT -> endElement(out);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters();
                // END_DOCUMENT and the rest need input marked as ended or DTD support; both are off.
                default -> throw new IllegalStateException("unexpected StAX event " + event);
            }
        }
    }

    private void requireUtf8() {
        String declared = reader.getCharacterEncodingScheme();
        if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
            throw violation(XmlViolation.UNSUPPORTED_ENCODING, "encoding '" + declared + "' declared, only UTF-8 is allowed");
        }
    }

    private void startElement(List<Object> out) throws XMLStreamException {
        int attributeCount = reader.getAttributeCount() + reader.getNamespaceCount();
        if (attributeCount > limits.maxAttributes()) {
            throw violation(XmlViolation.POLICY_VIOLATION, "element <" + reader.getLocalName() + "> has "
                    + attributeCount + " attributes and namespace declarations, at most " + limits.maxAttributes() + " allowed");
        }
        if (phase == Phase.PROLOG) {
            phase = Phase.STREAM;
            prolog = null;
            pendingSince = reader.getLocationInfo().getEndingByteOffset();
            requireStanzaSize(pendingSince);
            out.add(new XmlStreamEvent.StreamOpened(reader.getLocalName(), namespaceOf(reader.getNamespaceURI()),
                    attributes(), namespaceDeclarations()));
            return;
        }
        if (stanza.depth() == 0) {
            stanzaStart = reader.getLocationInfo().getStartingByteOffset();
            elementsInStanza = 0;
        } else if (stanza.depth() >= limits.maxDepth()) {
            throw violation(XmlViolation.POLICY_VIOLATION, "elements nest deeper than " + limits.maxDepth() + " levels");
        }
        if (++elementsInStanza > limits.maxElements()) {
            throw violation(XmlViolation.POLICY_VIOLATION, "more than " + limits.maxElements()
                    + " elements in one stanza");
        }
        stanza.start(reader.getLocalName(), namespaceOf(reader.getNamespaceURI()), attributes());
    }

    private void endElement(List<Object> out) throws XMLStreamException {
        if (stanza.depth() == 0) {
            phase = Phase.ENDED;
            out.add(XmlStreamEvent.StreamClosed.INSTANCE);
            return;
        }
        XmlElement complete = stanza.end();
        if (complete != null) {
            long end = reader.getLocationInfo().getEndingByteOffset();
            requireStanzaSize(end - stanzaStart);
            pendingSince = end;
            out.add(new XmlStreamEvent.ElementReceived(complete));
        }
    }

    private void characters() throws XMLStreamException {
        if (stanza.depth() > 0) {
            stanza.text(reader.getText());
            return;
        }
        if (!reader.isWhiteSpace()) {
            throw violation(XmlViolation.BAD_FORMAT, "text directly inside the stream element");
        }
        pendingSince = reader.getLocationInfo().getEndingByteOffset();
    }

    /** Bounds what the parser buffers for a unit still incomplete when the input runs out. */
    private void enforcePendingLimit() {
        requireStanzaSize(bytesFed - (stanza.depth() > 0 ? stanzaStart : pendingSince));
    }

    private void requireStanzaSize(long bytes) {
        if (bytes > limits.maxStanzaBytes()) {
            throw violation(XmlViolation.POLICY_VIOLATION, "more than " + limits.maxStanzaBytes() + " bytes in one stanza");
        }
    }

    private List<XmlAttribute> attributes() {
        int count = reader.getAttributeCount();
        if (count == 0) {
            return List.of();
        }
        XmlAttribute[] attributes = new XmlAttribute[count];
        for (int i = 0; i < count; i++) {
            attributes[i] = new XmlAttribute(namespaceOf(reader.getAttributeNamespace(i)),
                    reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        // immutable already, so that the element keeps this list instead of copying it
        return List.of(attributes);
    }

    private Map<String, String> namespaceDeclarations() {
        Map<String, String> declarations = new LinkedHashMap<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            declarations.put(namespaceOf(reader.getNamespacePrefix(i)), namespaceOf(reader.getNamespaceURI(i)));
        }
        return declarations;
    }

    /** StAX uses null or "" for "none"; the element tree always uses "". */
    private static String namespaceOf(String value) {
        return value == null ? "" : value;
    }

    private boolean prologContainsDoctype() {
        byte[] bytes = prolog.toByteArray();
        outer:
        for (int i = 0; i <= bytes.length - DOCTYPE.length; i++) {
            for (int j = 0; j < DOCTYPE.length; j++) {
                if (bytes[i + j] != DOCTYPE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private XmlViolationException violation(XmlViolation violation, String message, Throwable cause) {
        end();
        return new XmlViolationException(violation, message, cause);
    }

    private XmlViolationException violation(XmlViolation violation, String message) {
        end();
        return new XmlViolationException(violation, message);
    }

    private void end() {
        phase = Phase.ENDED;
        prolog = null;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) throws XMLStreamException {
        // Returns the parser's buffers to Aalto's recycler.
        reader.close();
    }
}
