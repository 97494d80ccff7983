package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.LocalDelivery;
import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;

/**
 * One transaction of local delivery: stanzas off the FromFederation queue (stanzas from remote domains, and bounces
 * of what local users sent), each delivered to its local user, and enterprise applications given a copy on the feed
 * topic instead of consuming the queue themselves: a copy of what a local user got, not of what Parley answered on a
 * user's behalf or refused. Their acknowledgements, archive rows and copies commit together, so one two-phase commit
 * and one JMS session, the lane's ({@link LaneSession}), serve many stanzas; a failure rolls them all back, and they
 * come again. What can never be a stanza is set aside on the dead-letter queue at once.
 */
@Stateless
public class FromFederationBatch {

    static final String QUEUE_NAME = "FromFederation";

    @Inject
    JmsStanzaQueues queues;

    @Inject
    LocalDelivery delivery;

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    /**
     * Waits up to {@code firstWait} for a stanza of {@code lane}, then takes what else of the lane has come, up to
     * {@code most} in all, and delivers them in the order they came. Returns how many it took.
     */
    public int deliver(LaneSession lane, int most, Duration firstWait) {
        enlist(lane);
        JMSConsumer consumer = lane.consumer();
        int taken = 0;
        Message message = consumer.receive(firstWait.toMillis());
        while (message != null) {
            deliver(message);
            taken++;
            message = taken < most ? consumer.receiveNoWait() : null;
        }
        return taken;
    }

    /** Makes the lane's session part of this transaction, and the one what the transaction sends goes through. */
    private void enlist(LaneSession lane) {
        try {
            transactionManager.getTransaction().enlistResource(lane.transactionBranch());
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("The delivery lane's session could not join the transaction", e);
        }
        queues.useInTransaction(lane.context());
    }

    private void deliver(Message message) {
        StanzaEnvelope stanza;
        try {
            stanza = StanzaMessageFormat.readQueuedByParley(message);
        } catch (InvalidStanzaException e) {
            queues.deadLetter(PoisonMessages.bodyOf(message), e.getMessage(), QUEUE_NAME);
            return;
        } catch (JMSException e) {
            throw new IllegalStateException("Message " + PoisonMessages.idOf(message) + " on " + QUEUE_NAME
                    + " could not be read", e);
        }
        if (delivery.deliver(stanza)) {
            queues.toFeed(stanza);
        }
    }
}
