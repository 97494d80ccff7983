package dev.parley.domain.model.presence;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaKind;
import dev.parley.domain.model.stanza.StanzaXml;
import dev.parley.xmpp.jid.Jid;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Presence stanzas (RFC 6121 §3, §4) as Parley sends them for local users, and presence as it reads it. */
public final class PresenceStanzas {

    private static final String NAMESPACE = "jabber:server";

    private PresenceStanzas() {
    }

    /** A subscription request or answer, or a probe: always between bare JIDs (RFC 6121 §3.1.1, §4.3). */
    public static StanzaEnvelope of(PresenceType type, Jid from, Jid to) {
        if (type == PresenceType.AVAILABLE || type == PresenceType.UNAVAILABLE || type == PresenceType.ERROR) {
            throw new IllegalArgumentException(type + " is no subscription stanza");
        }
        Document document = StanzaXml.newDocument();
        Element presence = element(document, from.asBareJid(), to.asBareJid());
        presence.setAttribute("type", type.xmlValue().orElseThrow());
        return StanzaXml.envelope(document);
    }

    /** {@code shown} as a presence broadcast from the user's session {@code from} to {@code to}. */
    public static StanzaEnvelope of(Presence shown, Jid from, Jid to) {
        Document document = StanzaXml.newDocument();
        Element presence = element(document, from, to);
        if (!shown.availability().online()) {
            presence.setAttribute("type", "unavailable");
        }
        shown.availability().show().ifPresent(show -> child(presence, "show").setTextContent(show));
        shown.status().ifPresent(status -> child(presence, "status").setTextContent(status));
        return StanzaXml.envelope(document);
    }

    /**
     * The presence an available or unavailable presence stanza announces. An unknown {@code <show/>} reads as
     * available, as RFC 6121 §4.7.2.1 allows; a status note longer than Parley keeps is cut.
     */
    public static Presence read(StanzaEnvelope stanza) {
        Element root = StanzaXml.root(stanza);
        if ("unavailable".equals(stanza.type())) {
            return new Presence(Availability.UNAVAILABLE, text(root, "status"));
        }
        Availability availability = text(root, "show").map(show -> switch (show) {
            case "away" -> Availability.AWAY;
            case "dnd" -> Availability.DND;
            case "xa" -> Availability.XA;
            default -> Availability.AVAILABLE;
        }).orElse(Availability.AVAILABLE);
        return new Presence(availability, text(root, "status"));
    }

    private static Element element(Document document, Jid from, Jid to) {
        Element presence = document.createElementNS(NAMESPACE, StanzaKind.PRESENCE.elementName());
        presence.setAttribute("from", from.toString());
        presence.setAttribute("to", to.toString());
        document.appendChild(presence);
        return presence;
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    /** The text of the first child {@code name} in the stanza's namespace (a status without xml:lang or the first). */
    private static Optional<String> text(Element root, String name) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && root.getNamespaceURI() != null && root.getNamespaceURI().equals(element.getNamespaceURI())) {
                String text = element.getTextContent().strip();
                return text.isEmpty() ? Optional.empty()
                        : Optional.of(text.length() > Presence.MAX_STATUS_LENGTH
                                ? text.substring(0, Presence.MAX_STATUS_LENGTH) : text);
            }
        }
        return Optional.empty();
    }
}
