package dev.parley.domain.model.stanza;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns an undeliverable stanza into the error reply its sender gets (RFC 6120 §8.3): addresses
 * swapped, type "error", the original payload kept, and a defined condition with a human text.
 */
public final class StanzaBounce {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private StanzaBounce() {
    }

    /**
     * @throws IllegalArgumentException for an error stanza: RFC 6120 §8.3.1 forbids answering an
     *                                  error with an error, so the caller must dispose of it otherwise
     */
    public static StanzaEnvelope of(StanzaEnvelope undeliverable, StanzaErrorCondition condition, String text) {
        if (undeliverable.isError()) {
            throw new IllegalArgumentException("An error stanza is never bounced");
        }
        Document document;
        try {
            document = StanzaXml.parseElement(undeliverable.xml());
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException("The envelope's XML was parsed once already", e);
        }
        Element root = document.getDocumentElement();
        root.setAttribute("from", undeliverable.to());
        root.setAttribute("to", undeliverable.from());
        root.setAttribute("type", "error");

        String namespace = root.getNamespaceURI();
        Element error = document.createElementNS(namespace, "error");
        error.setAttribute("type", condition.defaultType().xmlValue());
        error.appendChild(document.createElementNS(StanzaErrorCondition.NAMESPACE, condition.elementName()));
        Element textElement = document.createElementNS(StanzaErrorCondition.NAMESPACE, "text");
        textElement.setAttributeNS(XML_NS, "xml:lang", "en");
        textElement.setTextContent(text);
        error.appendChild(textElement);
        root.appendChild(error);

        return new StanzaEnvelope(undeliverable.kind(), undeliverable.to(), undeliverable.from(), "error",
                undeliverable.id(), StanzaXml.write(document));
    }
}
