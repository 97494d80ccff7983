package dev.parley.infrastructure.messaging.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** What can still be said of a message that is not a valid stanza message. */
final class PoisonMessages {

    private PoisonMessages() {
    }

    static String bodyOf(Message message) {
        try {
            return message instanceof TextMessage text && text.getText() != null ? text.getText()
                    : "(" + message.getClass().getSimpleName() + " without text)";
        } catch (JMSException e) {
            return "(body unreadable: " + e.getMessage() + ")";
        }
    }

    static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
