package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;

import java.util.ArrayList;
import java.util.List;

/** Stanzas for tests. */
final class Stanzas {

    private Stanzas() {
    }

    static XmlElement message(String from, String to, String id, String body) {
        return message(from, to, id, "chat", body);
    }

    static XmlElement message(String from, String to, String id, String type, String body) {
        List<XmlAttribute> attributes = new ArrayList<>(List.of(XmlAttribute.of("from", from), XmlAttribute.of("to", to),
                XmlAttribute.of("id", id), XmlAttribute.of("type", type)));
        return new XmlElement("message", "jabber:server", attributes,
                List.of(new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText(body)))));
    }

    static String body(XmlElement stanza) {
        return stanza.elements().stream().filter(child -> child.name().equals("body")).findFirst()
                .map(XmlElement::text).orElse("");
    }

    /** The defined condition of a bounced stanza's error, e.g. {@code remote-server-not-found}. */
    static String errorCondition(XmlElement stanza) {
        return errorElement(stanza).elements().get(0).name();
    }

    static String errorText(XmlElement stanza) {
        return errorElement(stanza).elements().stream().filter(child -> child.name().equals("text"))
                .findFirst().map(XmlElement::text).orElse("");
    }

    static XmlElement errorElement(XmlElement stanza) {
        return stanza.elements().stream().filter(child -> child.name().equals("error")).findFirst()
                .orElseThrow(() -> new AssertionError("no error in " + stanza));
    }
}
