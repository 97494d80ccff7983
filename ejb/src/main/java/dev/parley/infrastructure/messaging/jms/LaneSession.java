package dev.parley.infrastructure.messaging.jms;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;

/**
 * One delivery lane's session with the broker, kept across its transactions: its consumer of the lane's stanzas on
 * the FromFederation queue is sent them ahead, as fast as the broker can, and each transaction of the lane enlists
 * the session's {@link #transactionBranch() branch} and takes its stanzas from what has arrived. A consumer made per
 * transaction had to take them one by one, each a round trip to the broker (the lanes waited for it in most samples
 * of their thread dumps): one sent ahead gives back at its close what it did not take, for the broker to hand out
 * again.
 */
final class LaneSession implements AutoCloseable {

    private final XAJMSContext session;
    private final JMSConsumer consumer;

    private LaneSession(XAJMSContext session, JMSConsumer consumer) {
        this.session = session;
        this.consumer = consumer;
    }

    /** Opens {@code lane}'s ({@link DeliveryLanes}) session, its consumer on {@code fromFederation} started. */
    static LaneSession open(XAConnectionFactory connections, Queue fromFederation, int lane) {
        XAJMSContext session = connections.createXAContext();
        try {
            return new LaneSession(session, session.createConsumer(fromFederation, DeliveryLanes.selector(lane)));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The resource to enlist in a transaction, so that what it receives and sends here is committed with it. */
    XAResource transactionBranch() {
        return session.getXAResource();
    }

    /** The session, to send on in the transaction it is enlisted in. */
    JMSContext context() {
        return session.getContext();
    }

    JMSConsumer consumer() {
        return consumer;
    }

    /** Closes the session: what it was sent ahead and did not take goes back to the queue, in order. */
    @Override
    public void close() {
        session.close();
    }
}
