package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Takes stanzas bound for remote domains off the ToFederation queue on a thread of its own, handing them to the
 * engine without waiting for the network ({@link OutboundPump}), so that a slow remote domain holds messages, not
 * threads, and never delays the stanzas to other domains.
 *
 * <p>Not a message-driven bean: the container acknowledges an MDB's message when {@code onMessage} returns (Artemis'
 * activation offers auto- and dups-ok acknowledgement only), so the bean would have to wait there for the verdict,
 * and a few stanzas to a domain that never answers would hold every instance. Not {@code java:/JmsXA} either: that
 * pooled factory enlists sessions in the JTA transaction. The server's plain in-VM factory gives a non-transacted
 * session with Artemis' individual acknowledgement instead: each message is acknowledged once its verdict is
 * settled (counted, or its retry or bounce queued; a retry goes on a second, transacted session, {@link RequeueBatch}),
 * and what is unacknowledged when the server stops is delivered again
 * (at least once: a stanza the remote server confirmed just before may then reach it twice).
 */
@Singleton
@Startup
@DependsOn("FederationStartup")
public class OutboundQueueConsumer {

    private static final System.Logger LOG = System.getLogger(OutboundQueueConsumer.class.getName());
    /** {@code ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE}: the Artemis client is not on the application's class path. */
    static final int INDIVIDUAL_ACKNOWLEDGE = 101;
    /**
     * Stanzas awaiting their verdict at once, and of those at most the second figure with the engine for one remote
     * domain (what the engine confirms at 10,000 stanzas/s with 50 ms to the receipt), and the third waiting for them
     * while the domain's server answers: a busy domain takes less than half, and ten silent ones leave room.
     */
    static final int IN_FLIGHT = 5_000;
    static final int IN_FLIGHT_PER_DOMAIN = 500;
    static final int WAITING_PER_BUSY_DOMAIN = 2_000;
    /** After the session failed, the pause before a new one. */
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory inVm;

    @Resource(lookup = ParleyQueues.TO_FEDERATION)
    Queue toFederation;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FederationRouting routing;

    @Inject
    StanzaQueues queues;

    private volatile boolean running;
    private Thread consumer;

    @PostConstruct
    void start() {
        running = true;
        consumer = threads.newThread(this::consume);
        consumer.setName("parley-to-federation");
        consumer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            consumer.join(RECONNECT_PAUSE.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            // What is not settled yet stays unacknowledged and comes again: nothing to wait for.
            Thread.currentThread().interrupt();
        }
    }

    private void consume() {
        while (running) {
            try (Connection connection = inVm.createConnection()) {
                Session session = connection.createSession(false, INDIVIDUAL_ACKNOWLEDGE);
                MessageConsumer messages = session.createConsumer(toFederation);
                RequeueBatch requeue = new RequeueBatch(connection.createSession(true, Session.SESSION_TRANSACTED),
                        toFederation);
                connection.start();
                new OutboundPump(messages, requeue, routing, queues,
                        new StanzasInFlight(IN_FLIGHT, IN_FLIGHT_PER_DOMAIN, WAITING_PER_BUSY_DOMAIN)).run(() -> running);
            } catch (JMSException | RuntimeException | Error e) {
                // Errors too (a class missing, memory short for a moment): the queue must not stay without a consumer.
                // As an MDB's rollback would: the message at fault comes again, and after five deliveries the broker
                // sets it aside. So does, once more, what was in flight.
                LOG.log(Level.ERROR, "Taking stanzas off the ToFederation queue failed; starting again in "
                        + RECONNECT_PAUSE + " (what was in flight comes again)", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            // Only stop() ends the loop; an interrupt just cuts the pause short.
            Thread.interrupted();
        }
    }
}
