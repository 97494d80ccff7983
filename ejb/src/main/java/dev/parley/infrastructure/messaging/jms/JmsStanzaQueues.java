package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Sends on the server's JMS queues through its pooled, transaction-enlisted connection factory ({@code java:/JmsXA}),
 * on one context per transaction, closed when it completes: what an injected {@code JMSContext} does, without its
 * lookup through CDI's transaction scope on every call, which took a quarter of local delivery's CPU time (a profile
 * of the delivery MDB of the time, which made two such calls per stanza for its feed copy).
 */
@ApplicationScoped
public class JmsStanzaQueues implements StanzaQueues {

    public static final String REJECT_REASON = "parleyRejectReason";
    public static final String ORIGIN = "parleyOrigin";

    /** The key of this transaction's context among the transaction's resources. */
    private static final String CONTEXT = JmsStanzaQueues.class.getName() + ".context";

    @Resource(lookup = ParleyQueues.TRANSACTIONAL_FACTORY)
    ConnectionFactory connections;

    @Resource
    TransactionSynchronizationRegistry transactions;

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
            send(toFederation, context -> StanzaMessageFormat.write(context, stanza));
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanza for " + stanza.to() + " could not be queued: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    @Override
    public void toLocalUsers(StanzaEnvelope stanza) {
        try {
            send(fromFederation, context -> {
                TextMessage message = StanzaMessageFormat.write(context, stanza);
                // One lane per remote sender: one delivery thread takes it, so what one person sent keeps its order.
                message.setIntProperty(DeliveryLanes.PROPERTY, DeliveryLanes.of(bare(stanza.from())));
                return message;
            });
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanza for " + stanza.to() + " could not be queued: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    @Override
    public void toFeed(StanzaEnvelope stanza) {
        try {
            send(fromFederationFeed, context -> StanzaMessageFormat.write(context, stanza));
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
            send(deadLetter, context -> {
                TextMessage message = context.createTextMessage(body);
                message.setStringProperty(REJECT_REASON, reason);
                message.setStringProperty(ORIGIN, origin);
                return message;
            });
        } catch (JMSException e) {
            throw new JMSRuntimeException("Message could not be set aside: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Makes a message on a context of the pooled factory. */
    @FunctionalInterface
    private interface MessageMaker {
        TextMessage make(JMSContext context) throws JMSException;
    }

    /**
     * Sends what {@code maker} makes, persistent, to {@code destination}: in the caller's transaction on its context;
     * without a transaction on a context of its own.
     */
    private void send(Destination destination, MessageMaker maker) throws JMSException {
        if (transactions.getTransactionKey() == null) {
            try (JMSContext context = connections.createContext()) {
                send(context, destination, maker);
            }
            return;
        }
        send(transactionContext(), destination, maker);
    }

    /**
     * Makes {@code context}, whose session the caller enlisted in its transaction, the one the transaction sends on.
     * Its owner closes it, not the transaction's end.
     */
    void useInTransaction(JMSContext context) {
        if (transactions.getResource(CONTEXT) != null) {
            throw new IllegalStateException("The transaction sends on another JMS context already");
        }
        transactions.putResource(CONTEXT, context);
    }

    /**
     * The context of the caller's transaction, made at its first use and closed, with what was made on it, when the
     * transaction completes: what the transaction sends goes through one session.
     */
    private JMSContext transactionContext() {
        JMSContext context = (JMSContext) transactions.getResource(CONTEXT);
        if (context != null) {
            return context;
        }
        JMSContext created = connections.createContext();
        transactions.putResource(CONTEXT, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Sent and received already, in the transaction: nothing to flush.
            }

            @Override
            public void afterCompletion(int status) {
                created.close();
            }
        });
        return created;
    }

    private static void send(JMSContext context, Destination destination, MessageMaker maker) throws JMSException {
        context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(destination, maker.make(context));
    }

    /** The bare address of {@code jid}: what one person sends from, whichever resource. */
    static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
