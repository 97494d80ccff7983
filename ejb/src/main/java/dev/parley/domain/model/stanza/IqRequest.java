package dev.parley.domain.model.stanza;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An IQ {@code get} or {@code set} (RFC 6120 §8.2.3), read once, with what answering it takes: its payload, and the
 * result or error that goes back from its {@code to} to its {@code from} with its id.
 */
public final class IqRequest {

    private final StanzaEnvelope envelope;
    private final Element iq;
    private final Optional<Element> payload;

    private IqRequest(StanzaEnvelope envelope, Element iq) {
        this.envelope = envelope;
        this.iq = iq;
        this.payload = firstChildElement(iq);
    }

    /** Whether {@code stanza} is an IQ that must be answered: a {@code get} or a {@code set}. */
    public static boolean isRequest(StanzaEnvelope stanza) {
        return stanza.kind() == StanzaKind.IQ && ("get".equals(stanza.type()) || "set".equals(stanza.type()));
    }

    /**
     * @throws IllegalArgumentException when {@code stanza} is not an IQ {@code get} or {@code set}
     */
    public static IqRequest of(StanzaEnvelope stanza) {
        if (!isRequest(stanza)) {
            throw new IllegalArgumentException("only IQ get and set requests are answered");
        }
        try {
            return new IqRequest(stanza, StanzaXml.parseElement(stanza.xml()).getDocumentElement());
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException("The envelope's XML was parsed once already", e);
        }
    }

    public boolean isGet() {
        return "get".equals(envelope.type());
    }

    /** Whether the payload is {@code <localName xmlns=namespace/>} without a {@code node} (XEP-0030 §3.2). */
    public boolean asks(String localName, String namespace) {
        return payload.filter(element -> localName.equals(element.getLocalName())
                && namespace.equals(element.getNamespaceURI()) && !element.hasAttribute("node")).isPresent();
    }

    /** The result, carrying {@code answer}'s root element when there is one. */
    public StanzaEnvelope result(Optional<Document> answer) {
        Document document = StanzaXml.newDocument();
        Element result = document.createElementNS(iq.getNamespaceURI(), "iq");
        result.setAttribute("from", envelope.to());
        result.setAttribute("to", envelope.from());
        result.setAttribute("type", "result");
        if (envelope.id() != null) {
            result.setAttribute("id", envelope.id());
        }
        answer.ifPresent(child -> result.appendChild(document.importNode(child.getDocumentElement(), true)));
        document.appendChild(result);
        return new StanzaEnvelope(StanzaKind.IQ, envelope.to(), envelope.from(), "result", envelope.id(),
                StanzaXml.write(document));
    }

    public StanzaEnvelope error(StanzaErrorCondition condition, String text) {
        return StanzaBounce.of(envelope, condition, text);
    }

    /** A document whose root is {@code <query xmlns=namespace/>}. */
    public static Document query(String namespace) {
        Document document = StanzaXml.newDocument();
        document.appendChild(document.createElementNS(namespace, "query"));
        return document;
    }

    private static Optional<Element> firstChildElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
