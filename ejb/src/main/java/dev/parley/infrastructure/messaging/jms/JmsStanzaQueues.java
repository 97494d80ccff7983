package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;

/** Sends on the server's JMS queues through the pooled, transaction-enlisted connection factory. */
@ApplicationScoped
public class JmsStanzaQueues implements StanzaQueues {

    public static final String REJECT_REASON = "parleyRejectReason";
    public static final String ORIGIN = "parleyOrigin";
    static final String GROUP = "JMSXGroupID";

    @Inject
    JMSContext context;

    @Resource(lookup = ParleyQueues.TO_FEDERATION)
    Queue toFederation;

    @Resource(lookup = ParleyQueues.FROM_FEDERATION)
    Queue fromFederation;

    @Resource(lookup = ParleyQueues.FROM_FEDERATION_FEED)
    Topic fromFederationFeed;

    @Resource(lookup = ParleyQueues.DEAD_LETTER)
    Queue deadLetter;

    @Override
    public void toFederation(StanzaEnvelope stanza) {
        try {
            send(toFederation, StanzaMessageFormat.write(context, stanza));
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanza for " + stanza.to() + " could not be queued: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    @Override
    public void toLocalUsers(StanzaEnvelope stanza) {
        try {
            TextMessage message = StanzaMessageFormat.write(context, stanza);
            // One group per remote sender: the broker hands a group to one consumer at a time, in
            // order, so concurrent MDB instances keep what one person sent in the order it came.
            message.setStringProperty(GROUP, bare(stanza.from()));
            send(fromFederation, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanza for " + stanza.to() + " could not be queued: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    @Override
    public void toFeed(StanzaEnvelope stanza) {
        try {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(fromFederationFeed, StanzaMessageFormat.write(context, stanza));
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanza for " + stanza.to() + " could not be published: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    // In a transaction of its own when the caller has none (the outbound queue's consumer thread): the injected
    // context lives in a transaction or a request, and that thread has neither.
    @Override
    @Transactional
    public void deadLetter(String body, String reason, String origin) {
        try {
            TextMessage message = context.createTextMessage(body);
            message.setStringProperty(REJECT_REASON, reason);
            message.setStringProperty(ORIGIN, origin);
            send(deadLetter, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Message could not be set aside: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void send(Queue queue, TextMessage message) {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
    }

    /** The bare address of {@code jid}: what one person sends from, whichever resource. */
    static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
