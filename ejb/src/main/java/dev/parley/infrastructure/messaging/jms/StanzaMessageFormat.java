package dev.parley.infrastructure.messaging.jms;

import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaXml;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parley's JMS message format, the contract with other enterprise applications (see
 * docs/jms-message-format.md): a TextMessage whose body is one stanza's XML, with the routing facts
 * repeated as string properties so that consumers can select on them without parsing XML. On
 * messages Parley receives the properties are optional, but when present they must agree with the XML.
 */
public final class StanzaMessageFormat {

    public static final String KIND = "xmppKind";
    public static final String FROM = "xmppFrom";
    public static final String TO = "xmppTo";
    public static final String TYPE = "xmppType";
    public static final String ID = "xmppId";
    /** The property of each address and fact by the stanza attribute it repeats. */
    private static final Map<String, String> ROUTING_FACTS = Map.of("from", FROM, "to", TO, "type", TYPE, "id", ID);

    private StanzaMessageFormat() {
    }

    public static StanzaEnvelope read(Message message) throws InvalidStanzaException, JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new InvalidStanzaException("Expected a TextMessage holding stanza XML, got "
                    + message.getClass().getSimpleName());
        }
        StanzaEnvelope stanza = StanzaXml.parse(text.getText());
        agrees(message, KIND, stanza.kind().elementName());
        agrees(message, FROM, stanza.from());
        agrees(message, TO, stanza.to());
        agrees(message, TYPE, stanza.type());
        agrees(message, ID, stanza.id());
        return stanza;
    }

    /**
     * A message Parley queued itself, on a queue nobody else may send to: its envelope made from its routing facts,
     * whose XML Parley had read and checked before (parsing it again took a sixteenth of the deployed server's CPU time
     * in local delivery). A message without them is read as any other.
     */
    static StanzaEnvelope readQueuedByParley(Message message) throws InvalidStanzaException, JMSException {
        if (!(message instanceof TextMessage text) || !message.propertyExists(KIND) || !message.propertyExists(FROM)
                || !message.propertyExists(TO)) {
            return read(message);
        }
        return StanzaXml.envelope(message.getStringProperty(KIND), null, attribute -> {
            String property = ROUTING_FACTS.get(attribute);
            try {
                return property == null ? null : message.getStringProperty(property);
            } catch (JMSException e) {
                throw new IllegalStateException("Property " + property + " of a queued stanza could not be read", e);
            }
        }, text.getText());
    }

    public static TextMessage write(JMSContext context, StanzaEnvelope stanza) throws JMSException {
        return withRoutingFacts(context.createTextMessage(stanza.xml()), stanza);
    }

    /** The same message made by a plain session's thread, which has no {@link JMSContext}. */
    static TextMessage write(Session session, StanzaEnvelope stanza) throws JMSException {
        return withRoutingFacts(session.createTextMessage(stanza.xml()), stanza);
    }

    private static TextMessage withRoutingFacts(TextMessage message, StanzaEnvelope stanza) throws JMSException {
        message.setStringProperty(KIND, stanza.kind().elementName());
        message.setStringProperty(FROM, stanza.from());
        message.setStringProperty(TO, stanza.to());
        if (stanza.type() != null) {
            message.setStringProperty(TYPE, stanza.type());
        }
        if (stanza.id() != null) {
            message.setStringProperty(ID, stanza.id());
        }
        return message;
    }

    private static void agrees(Message message, String property, String fromXml)
            throws InvalidStanzaException, JMSException {
        if (!message.propertyExists(property)) {
            return;
        }
        String given = message.getStringProperty(property);
        boolean same = KIND.equals(property)
                ? given != null && given.toLowerCase(Locale.ROOT).equals(fromXml)
                : Objects.equals(given, fromXml);
        if (!same) {
            throw new InvalidStanzaException("Property " + property + "='" + given
                    + "' contradicts the stanza XML, which says '" + fromXml + "'");
        }
    }
}
