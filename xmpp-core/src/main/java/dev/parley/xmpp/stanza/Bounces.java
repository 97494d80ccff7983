package dev.parley.xmpp.stanza;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Error replies to stanzas that could not be delivered (RFC 6120 §8.3.1): addressed back to the
 * sender, same id, {@code type='error'}, the original children kept so the sender can tell which
 * message failed, and the {@link StanzaError} appended.
 */
public final class Bounces {

    private Bounces() {
    }

    /** Whether {@code stanza} is itself an error, which must never be answered with another (§8.3.1). */
    public static boolean isError(XmlElement stanza) {
        return stanza.attribute("type").filter("error"::equals).isPresent();
    }

    /** The error reply to {@code stanza}, or empty when it is an error itself. */
    public static Optional<XmlElement> reply(XmlElement stanza, StanzaError error) {
        if (isError(stanza)) {
            return Optional.empty();
        }
        List<XmlAttribute> attributes = new ArrayList<>();
        stanza.attribute("to").ifPresent(to -> attributes.add(XmlAttribute.of("from", to)));
        stanza.attribute("from").ifPresent(from -> attributes.add(XmlAttribute.of("to", from)));
        stanza.attribute("id").ifPresent(id -> attributes.add(XmlAttribute.of("id", id)));
        attributes.add(XmlAttribute.of("type", "error"));
        for (XmlAttribute attribute : stanza.attributes()) {
            boolean replaced = attribute.namespace().isEmpty()
                    && List.of("to", "from", "id", "type").contains(attribute.name());
            if (!replaced) {
                attributes.add(attribute);
            }
        }
        List<XmlNode> children = new ArrayList<>(stanza.children());
        children.add(error.toElement());
        return Optional.of(new XmlElement(stanza.name(), stanza.namespace(), attributes, children));
    }
}
