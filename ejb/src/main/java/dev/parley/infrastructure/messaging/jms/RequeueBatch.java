package dev.parley.infrastructure.messaging.jms;

import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;

/**
 * Puts the outbound consumer's stanzas back on the ToFederation queue, persistent, in one local transaction per round of
 * the consumer. A persistent message sent alone waits for the broker's journal to reach the disk, a few milliseconds
 * each on WildFly's NIO journal: 2,000 stanzas sent back for a domain that stopped answering kept the consumer, and every
 * other domain's stanzas, waiting for seconds. A commit waits once for them all.
 */
final class RequeueBatch {

    private final Session session;
    private final MessageProducer producer;

    /** {@code transacted} is a session of its own: the consumer's session acknowledges messages one by one. */
    RequeueBatch(Session transacted, Queue toFederation) throws JMSException {
        session = transacted;
        producer = transacted.createProducer(toFederation);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    /**
     * Sends {@code stanza} for {@code attempt}, due after {@code delay}, marked with its {@code line} and {@code place}
     * ({@link OutboundPump#LINE}, {@link OutboundPump#PLACE}); on the queue once {@link #commit} returned.
     */
    void send(StanzaEnvelope stanza, OutboundAttempt attempt, String line, long place, Duration delay)
            throws JMSException {
        TextMessage message = StanzaMessageFormat.write(session, stanza);
        OutboundAttempts.write(message, attempt);
        message.setStringProperty(OutboundPump.LINE, line);
        message.setLongProperty(OutboundPump.PLACE, place);
        producer.setDeliveryDelay(Math.max(0, delay.toMillis()));
        producer.send(message);
    }

    void commit() throws JMSException {
        session.commit();
    }

    /** Forgets what was sent since the last commit. */
    void rollback() throws JMSException {
        session.rollback();
    }
}
