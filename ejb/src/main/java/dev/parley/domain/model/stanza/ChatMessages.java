package dev.parley.domain.model.stanza;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Chat messages (RFC 6121 §5) as Parley sends them for local users. */
public final class ChatMessages {

    /** The longest body a user may send: a page of text, far below what any server accepts in one stanza. */
    public static final int MAX_BODY_CHARS = 10_000;

    private ChatMessages() {
    }

    /** What is wrong with {@code body} as a message text; empty when nothing is. */
    public static Optional<String> bodyProblem(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of("body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            return Optional.of("body is " + body.length() + " characters long; at most " + MAX_BODY_CHARS
                    + " are sent in one message");
        }
        if (body.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of("body may not contain control characters other than line breaks and tabs");
        }
        return Optional.empty();
    }

    /** A chat message with {@code id}, asking for a delivery receipt (XEP-0184). */
    public static StanzaEnvelope chat(Jid from, Jid to, String id, String body) {
        Document document = StanzaXml.newDocument();
        Element message = document.createElementNS("jabber:server", "message");
        message.setAttribute("from", from.toString());
        message.setAttribute("to", to.toString());
        message.setAttribute("type", "chat");
        message.setAttribute("id", id);
        Element text = document.createElementNS("jabber:server", "body");
        text.setTextContent(body);
        message.appendChild(text);
        message.appendChild(document.createElementNS("urn:xmpp:receipts", "request"));
        document.appendChild(message);
        return StanzaXml.envelope(document);
    }

    /** The text of a message's {@code <body/>}; empty for a message without one (a receipt, a chat state). */
    public static Optional<String> body(StanzaEnvelope message) {
        return child(StanzaXml.root(message), "body").map(Element::getTextContent);
    }

    /** Why a message came back, for its sender: the error's condition and text, e.g. "service-unavailable: …". */
    public static Optional<String> error(StanzaEnvelope message) {
        if (!message.isError()) {
            return Optional.empty();
        }
        Optional<Element> error = child(StanzaXml.root(message), "error");
        String condition = "error";
        String text = "";
        for (Node child = error.map(Node::getFirstChild).orElse(null); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && StanzaErrorCondition.NAMESPACE.equals(element.getNamespaceURI())) {
                if ("text".equals(element.getLocalName())) {
                    text = element.getTextContent().strip();
                } else {
                    condition = element.getLocalName();
                }
            }
        }
        return Optional.of(text.isEmpty() ? condition : condition + ": " + text);
    }

    private static Optional<Element> child(Element root, String name) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(root.getNamespaceURI(), element.getNamespaceURI())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
