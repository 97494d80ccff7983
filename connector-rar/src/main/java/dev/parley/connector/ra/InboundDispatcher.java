package dev.parley.connector.ra;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.StanzaListener;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Hands what the engine receives to the MDB activated on the adapter. Stanzas travel in lanes
 * chosen by their sender, so that one remote user's stanzas reach the application in the order
 * they arrived while different senders do not wait for each other. Before the MDB is active, or
 * while it is redeployed, stanzas wait in their lane, bounded by count per lane and by size in
 * all; a stanza that does not fit, or one the application keeps failing on, is returned to its
 * sender as an error, so nothing is dropped silently. The engine hears when each stanza is taken
 * (the MDB's transaction put it on the JMS queue, or its sender got the error): it stops reading
 * from remote servers while {@link S2sEngine#MOST_UNTAKEN_STANZAS} are not, which the lanes have
 * room for, so a lane overflows only with the engine's own error replies on top.
 * Federation events (for the audit trail) have a lane of their own, with refusals from one address
 * throttled; when it is full they are counted and logged instead, as a flood of refused connections
 * must not take memory without bound.
 */
final class InboundDispatcher implements StanzaListener {

    private static final System.Logger LOG = System.getLogger(InboundDispatcher.class.getName());
    static final int STANZA_LANES = 4;
    /** Room for every stanza the engine may leave untaken, in one lane if one sender sent them, and some bounces. */
    static final int STANZAS_PER_LANE = S2sEngine.MOST_UNTAKEN_STANZAS + 500;
    /** Stanzas handed to the MDB in one call, one transaction: a burst costs one commit per hundred, not per stanza. */
    static final int STANZAS_PER_CALL = 100;
    static final int EVENTS = 10_000;
    /** Stanza text waiting in all lanes together: 32 Mi characters, some 64 MiB of heap as Java strings. */
    static final long WAITING_CHARS = 32L * 1024 * 1024;
    static final String FULL = "Parley is not taking stanzas from remote servers at the moment; try again later";
    static final String FAILED = "Parley could not store this stanza for its recipient";
    static final String SHUTTING_DOWN = "Parley is shutting down; try again later";
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(2);

    private final AtomicReference<MessageEndpointFactory> endpoints = new AtomicReference<>();
    /** A stanza in a lane, and how to tell the engine once it left the lane. */
    private record Waiting(XmlElement stanza, Runnable taken) {
    }

    private final List<Lane<Waiting>> stanzaLanes;
    private final Lane<FederationEvent> events;
    private final StanzaRefusal refusal;
    private final AtomicLong eventsDropped = new AtomicLong();
    private final StanzaBudget budget;
    private final RefusalThrottle throttle = new RefusalThrottle(Clock.systemUTC());

    InboundDispatcher(Executor executor, StanzaRefusal refusal, Duration retryPause) {
        this(executor, refusal, retryPause, WAITING_CHARS);
    }

    InboundDispatcher(Executor executor, StanzaRefusal refusal, Duration retryPause, long waitingChars) {
        this.refusal = refusal;
        this.budget = new StanzaBudget(waitingChars);
        this.stanzaLanes = IntStream.range(0, STANZA_LANES)
                .mapToObj(i -> new Lane<Waiting>("stanza-" + i, STANZAS_PER_LANE, STANZAS_PER_CALL, executor,
                        endpoints::get,
                        (listener, waiting) -> listener.onStanzas(waiting.stream().map(Waiting::stanza).toList()),
                        waiting -> refusal.refuse(waiting.stanza(), StanzaErrorCondition.INTERNAL_SERVER_ERROR, FAILED),
                        waiting -> {
                            budget.release(waiting.stanza());
                            waiting.taken().run();
                        }, retryPause))
                .toList();
        this.events = new Lane<>("event", EVENTS, 1, executor, endpoints::get,
                (listener, oneEvent) -> listener.onEvent(oneEvent.get(0)),
                event -> LOG.log(Level.WARNING, "Federation event not recorded: {0}", event), event -> { }, retryPause);
    }

    /** Takes an error reply from the engine, or a stanza from the proxy link (on an I/O thread, so never blocking). */
    @Override
    public void onStanza(XmlElement stanza) {
        onStanza(stanza, () -> { });
    }

    /** Takes a stanza from the engine (on its I/O thread, so never blocking); {@code taken} once it left its lane. */
    @Override
    public void onStanza(XmlElement stanza, Runnable taken) {
        if (!budget.take(stanza)) {
            refusal.refuse(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT, FULL);
            taken.run();
            return;
        }
        if (!laneOf(stanza).offer(new Waiting(stanza, taken))) {
            budget.release(stanza);
            refusal.refuse(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT, FULL);
            taken.run();
        }
    }

    /** Takes a federation event from the engine (on its I/O thread, so never blocking). */
    void event(FederationEvent event) {
        for (FederationEvent admitted : throttle.admit(event)) {
            if (!events.offer(admitted)) {
                long dropped = eventsDropped.incrementAndGet();
                if (Long.bitCount(dropped) == 1) {
                    LOG.log(Level.WARNING, "The audit lane is full: {0} federation event(s) not recorded so far; latest: {1}",
                            dropped, admitted);
                }
            }
        }
    }

    /**
     * Starts delivering to {@code factory}. Parley has one inbound MDB; a second activation
     * replaces the first, which is what a redeployment looks like.
     */
    void activate(MessageEndpointFactory factory) {
        endpoints.set(factory);
        stanzaLanes.forEach(Lane::kick);
        events.kick();
    }

    void deactivate(MessageEndpointFactory factory) {
        endpoints.compareAndSet(factory, null);
    }

    /**
     * Returns what still waits to its senders with a retryable error, for the adapter's shutdown,
     * once the engine receives nothing more. A stanza the application is taking right now is left
     * to finish, for up to {@link #IN_FLIGHT_GRACE}; if the application then refuses it, it is
     * returned too.
     */
    void refuseWaiting() {
        endpoints.set(null);
        long deadline = System.nanoTime() + IN_FLIGHT_GRACE.toNanos();
        while (true) {
            stanzaLanes.forEach(lane -> lane.removeAll(waiting -> refusal.refuse(waiting.stanza(),
                    StanzaErrorCondition.RESOURCE_CONSTRAINT, SHUTTING_DOWN)));
            boolean settled = stanzaLanes.stream().noneMatch(lane -> lane.delivering() || lane.size() > 0);
            if (settled || System.nanoTime() > deadline) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        int unrecorded = events.removeAll(event -> { });
        if (unrecorded > 0) {
            LOG.log(Level.WARNING, "{0} federation event(s) not recorded at shutdown", unrecorded);
        }
    }

    /** How many stanzas wait for the application. */
    int waiting() {
        return stanzaLanes.stream().mapToInt(Lane::size).sum();
    }

    private Lane<Waiting> laneOf(XmlElement stanza) {
        String from = stanza.attribute("from").orElse("");
        int slash = from.indexOf('/');
        // Case variants of one address are one sender (the engine has checked the JID already).
        String sender = (slash < 0 ? from : from.substring(0, slash)).toLowerCase(Locale.ROOT);
        return stanzaLanes.get(Math.floorMod(sender.hashCode(), STANZA_LANES));
    }
}
