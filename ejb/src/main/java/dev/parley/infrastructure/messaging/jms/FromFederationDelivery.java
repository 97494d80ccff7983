package dev.parley.infrastructure.messaging.jms;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.jms.Queue;
import jakarta.jms.XAConnectionFactory;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Local delivery's threads, one a {@link DeliveryLanes lane}: each takes its lane's stanzas off the FromFederation queue
 * in transactions of up to {@link #MOST_PER_TRANSACTION} ({@link FromFederationBatch}), as many as have come when it
 * looks, on a session of its own ({@link LaneSession}) that it opens again after a failed transaction.
 *
 * <p>Not a message-driven bean: an MDB's transaction holds one message, and one XA transaction per stanza (the queue,
 * the archive, the feed topic, each prepared and committed, the transaction log written) capped delivery at about 900
 * stanzas a second on two cores, however many ran at once. A few lanes suffice: while one waits for its commit's disk
 * writes, the others deliver.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "PresenceAtStartup"})
public class FromFederationDelivery {

    private static final System.Logger LOG = System.getLogger(FromFederationDelivery.class.getName());
    static final int MOST_PER_TRANSACTION = 100;
    /** After a failed transaction, how long each stanza gets a transaction of its own: its redeliveries fit in it. */
    static final Duration ALONE_AFTER_FAILURE = Duration.ofSeconds(10);
    /** How long a transaction waits for its first stanza: also how long stopping may wait for the threads. */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    /**
     * After a failure, the pause before the lane opens its session again: longer than the queue's redelivery delay
     * (500 ms, parley.cli), so that it finds what the failed transaction rolled back at the head of the queue again,
     * ahead of its senders' later stanzas; and a broker or database away is not asked in a loop.
     */
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    @Resource
    ManagedThreadFactory threadFactory;

    // Injected here, in the bean that owns the threads using it: the server then stops the bean, and its threads,
    // before the factory, instead of every lane's transaction failing on a closed connection at each shutdown.
    @Resource(lookup = ParleyQueues.LANE_FACTORY)
    XAConnectionFactory laneConnections;

    @Resource(lookup = ParleyQueues.FROM_FEDERATION)
    Queue fromFederation;

    @EJB
    FromFederationBatch batch;

    private final DeliveryPace pace = new DeliveryPace(MOST_PER_TRANSACTION, ALONE_AFTER_FAILURE);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    @PostConstruct
    void start() {
        running = true;
        for (int lane = 0; lane < DeliveryLanes.LANES; lane++) {
            int itsLane = lane;
            Thread thread = threadFactory.newThread(() -> deliver(itsLane));
            thread.setName("parley-local-delivery-" + lane);
            thread.start();
            threads.add(thread);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            for (Thread thread : threads) {
                thread.join(FIRST_WAIT.plus(PAUSE_AFTER_FAILURE).plusSeconds(1).toMillis());
            }
        } catch (InterruptedException e) {
            // What is not committed is rolled back and comes again: nothing to wait for.
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(int lane) {
        LaneSession session = null;
        while (running) {
            try {
                if (session == null) {
                    session = LaneSession.open(laneConnections, fromFederation, lane);
                }
                batch.deliver(session, pace.batchAt(System.nanoTime()), FIRST_WAIT);
            } catch (RuntimeException | Error e) {
                // Errors too (memory short for a moment): the queue must not stay without its consumers.
                pace.failedAt(System.nanoTime());
                LOG.log(Level.WARNING, "Delivering stanzas off the " + FromFederationBatch.QUEUE_NAME + " queue failed"
                        + " and was rolled back: they come again, each in a transaction of its own for the next "
                        + ALONE_AFTER_FAILURE.toSeconds() + " s, so that one that cannot be delivered fails alone", e);
                // Closed, so that what it was sent after the rolled-back stanzas goes back behind them.
                session = closed(session);
                pause();
            }
        }
        closed(session);
    }

    private static LaneSession closed(LaneSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Closing a delivery lane's session failed; the broker drops it with its connection",
                        e);
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            // Only stop() ends the loop; an interrupt just cuts the pause short.
            Thread.interrupted();
        }
    }
}
