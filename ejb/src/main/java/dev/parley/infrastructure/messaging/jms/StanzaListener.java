package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * What a queue's message-driven bean does: read the stanza in Parley's message format, hand it
 * on in the container's transaction, and set aside at once what can never be valid. A failure
 * while handing on rolls back, so the message is redelivered and, after the queue's attempts,
 * moved to the dead-letter queue: nothing is lost.
 */
abstract class StanzaListener implements MessageListener {

    @Inject
    StanzaQueues queues;

    @Override
    public void onMessage(Message message) {
        StanzaEnvelope stanza;
        try {
            stanza = StanzaMessageFormat.read(message);
        } catch (InvalidStanzaException e) {
            queues.deadLetter(PoisonMessages.bodyOf(message), e.getMessage(), queueName());
            return;
        } catch (JMSException e) {
            throw new IllegalStateException("Message " + PoisonMessages.idOf(message) + " on " + queueName()
                    + " could not be read", e);
        }
        handle(stanza, message);
    }

    /** Hands on {@code stanza}, read from {@code message}, whose other properties it may consult. */
    protected abstract void handle(StanzaEnvelope stanza, Message message);

    /** The queue's short name, recorded with messages set aside. */
    protected abstract String queueName();
}
