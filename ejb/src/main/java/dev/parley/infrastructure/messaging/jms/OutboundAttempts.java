package dev.parley.infrastructure.messaging.jms;

import dev.parley.domain.model.routing.OutboundAttempt;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * Carries an outbound stanza's {@link OutboundAttempt} on the JMS message that is queued again
 * for another try. A message an application sends has neither property: it is the first try,
 * and its retry window counts from when it was queued.
 */
final class OutboundAttempts {

    private static final System.Logger LOG = System.getLogger(OutboundAttempts.class.getName());
    static final String NUMBER = "parleyAttempt";
    static final String FIRST_TRY = "parleyFirstTry";

    private OutboundAttempts() {
    }

    static void write(Message message, OutboundAttempt attempt) throws JMSException {
        message.setIntProperty(NUMBER, attempt.number());
        message.setLongProperty(FIRST_TRY, attempt.firstTry().toEpochMilli());
    }

    static OutboundAttempt read(Message message, Instant now) {
        try {
            if (message.propertyExists(NUMBER) && message.propertyExists(FIRST_TRY)) {
                Instant firstTry = Instant.ofEpochMilli(message.getLongProperty(FIRST_TRY));
                return new OutboundAttempt(message.getIntProperty(NUMBER), firstTry.isAfter(now) ? now : firstTry);
            }
            long queued = message.getJMSTimestamp();
            return OutboundAttempt.first(queued > 0 && queued <= now.toEpochMilli() ? Instant.ofEpochMilli(queued) : now);
        } catch (JMSException | IllegalArgumentException e) {
            // A property set by hand, with a wrong type or value: treat the message as new rather than lose it.
            LOG.log(Level.WARNING, "Message {0} has unreadable retry properties ({1}); treated as a first try",
                    PoisonMessages.idOf(message), e.getMessage());
            return OutboundAttempt.first(now);
        }
    }
}
