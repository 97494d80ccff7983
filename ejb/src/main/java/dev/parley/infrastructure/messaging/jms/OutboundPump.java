package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One JMS session's work on the ToFederation queue: takes a message, hands its stanza to the routing without waiting
 * for the network, and acknowledges the message only once the verdict is settled (counted, queued again, or returned
 * to the sender), so that what is in flight when the server stops comes again. Everything that touches the session
 * runs on the thread that calls {@link #run}, as a JMS session is single-threaded: verdicts arrive on the engine's
 * threads and only queue the step that settles them here.
 *
 * <p>What goes back to the queue for a later try (a retry, or more than the domain's share waiting) goes back in a
 * {@link RequeueBatch} committed once per round, and is acknowledged after that commit; it is due in each sender's
 * order ({@link SenderLines}): while a sender's stanza to a domain is out so, the sender's later ones to that domain
 * follow it there instead of overtaking it.
 */
final class OutboundPump {

    private static final System.Logger LOG = System.getLogger(OutboundPump.class.getName());
    /** How long the thread waits for a message or a verdict before it looks again whether to stop. */
    private static final long POLL_MILLIS = 100;
    /** After a failure of the routing (the database or the broker away), the wait before the step is tried again. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration QUIET_AFTER_REPORT = Duration.ofSeconds(30);
    /** How often one stanza's routing may fail before it is set aside, as the broker would set aside an MDB's. */
    static final int MOST_TRIES = 5;
    /** On a message this consumer queued again: its {@link #epoch}, so that it knows the message when it comes back. */
    static final String LINE = "parleyLine";
    /** On a message this consumer queued again: the stanza's place in its sender's order ({@link SenderLines}). */
    static final String PLACE = "parleyPlace";
    /**
     * How soon the first of a line must be due for a later stanza to wait for it here rather than on the queue, and how
     * late it may be before those waiting go back to the queue behind it.
     */
    static final Duration PARKED_AT_MOST = Duration.ofSeconds(2);
    /**
     * How many stanzas wait here for their line's first at most: they count as in flight, and a consumer full of them
     * would take nothing more, the firsts they wait for included.
     */
    static final int MOST_PARKED = 1_000;
    /**
     * How long stanzas sent back to the queue wait at most for their batch's commit while messages keep coming: one
     * commit a message, each waiting for the journal, sent back 300 a second, and a line of 4,000 going round trickled.
     */
    private static final Duration REQUEUE_COMMITTED_WITHIN = Duration.ofMillis(20);
    /** How often the consumer looks whether a domain with more than its share waiting went silent. */
    private static final Duration SILENCE_CHECKED = Duration.ofMillis(100);

    private final MessageConsumer consumer;
    private final RequeueBatch requeue;
    /** What was sent back to the queue in the batch not yet committed: acknowledged once it is. */
    private List<Requeued> requeued = new ArrayList<>();
    /** When the first of {@link #requeued} was sent back. */
    private Instant requeuedSince = Instant.MIN;
    private final FederationRouting routing;
    private final StanzaQueues queues;
    private final StanzasInFlight inFlight;
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    /**
     * Per remote domain whose share of the engine is full, the stanzas taken meanwhile, oldest first: handed on as
     * verdicts free the share, so that one sender's stanzas keep their order. Bounded by the same share; beyond it a
     * stanza goes back to the queue for later, so that a domain that never answers holds only its own share.
     */
    private final Map<String, ArrayDeque<Taken>> waitingForDomain = new HashMap<>();
    private final Executor later = CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS,
            steps::add);
    private final Clock clock = Clock.systemUTC();
    private final SenderLines lines = new SenderLines();
    /** Per line, stanzas that came before the line's first, waiting here for it, by place. */
    private final Map<SenderLines.Pair, TreeMap<Long, Taken>> parked = new HashMap<>();
    private int parkedCount;
    /**
     * A stanza to a busy domain, one whose server still answers, with as many waiting for it as such a domain may have:
     * the consumer takes nothing more until there is room for it, as a busy server's stanzas going round the queue
     * would cost a retry's delay and, behind them, the order of everything else their senders send (their lines).
     */
    private Taken held;
    private Instant silenceChecked = Instant.MIN;
    /** Names this consumer's requeued messages; a later consumer takes them as new. */
    private final String epoch = UUID.randomUUID().toString();
    /** The places given so far, one for each new message taken, in queue order. */
    private long places;
    private Instant quietUntil = Instant.MIN;
    private int unlogged;
    /** Stanzas delivered since the routing last counted them: counted once per round, not once each. */
    private int deliveredUncounted;

    /**
     * {@code consumer} takes messages off the ToFederation queue on a session with individual acknowledgement;
     * {@code requeue} sends to the same queue.
     */
    OutboundPump(MessageConsumer consumer, RequeueBatch requeue, FederationRouting routing, StanzaQueues queues,
                 StanzasInFlight inFlight) {
        this.consumer = consumer;
        this.requeue = requeue;
        this.routing = routing;
        this.queues = queues;
        this.inFlight = inFlight;
    }

    /**
     * Works until {@code running} turns false. What is in flight then stays unacknowledged, for the broker to deliver
     * again: no use waiting for its verdicts, as a server that is stopping no longer lets this thread call its beans.
     *
     * @throws JMSException when the session fails, and a runtime exception when a message could not be
     *                      acknowledged: either way, what was delivered and not acknowledged comes again
     */
    void run(BooleanSupplier running) throws JMSException {
        while (running.getAsBoolean()) {
            runWaitingSteps();
            if (inFlight.full() || held != null) {
                commitRequeued();
                runNextStep(POLL_MILLIS);
            } else {
                // While stanzas sent back wait for their commit, only what is there at once is taken: the commit, a
                // wait for the journal, then covers all that was sent back meanwhile.
                Message message = requeued.isEmpty() ? consumer.receive(POLL_MILLIS) : consumer.receiveNoWait();
                if (message != null) {
                    take(message);
                }
                if (message == null || clock.instant().isAfter(requeuedSince.plus(REQUEUE_COMMITTED_WITHIN))) {
                    commitRequeued();
                }
            }
        }
    }

    private void runWaitingSteps() {
        for (Runnable step = steps.poll(); step != null; step = steps.poll()) {
            step.run();
        }
        countDelivered();
        if (!parked.isEmpty()) {
            unparkLate();
        }
        sendBackWhatWaitsForSilentDomains();
        if (held != null) {
            Taken again = held;
            held = null;
            goOn(again);
        }
    }

    private void countDelivered() {
        if (deliveredUncounted == 0) {
            return;
        }
        try {
            routing.countDelivered(deliveredUncounted);
        } catch (RuntimeException e) {
            // A count lost is a figure short, not a stanza: the messages are acknowledged, nothing is sent again.
            LOG.log(Level.WARNING, "Could not count " + deliveredUncounted + " delivered stanzas", e);
        }
        deliveredUncounted = 0;
    }

    private void runNextStep(long waitMillis) {
        try {
            Runnable step = steps.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (step != null) {
                step.run();
            }
            countDelivered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSRuntimeException("Interrupted while waiting for outbound verdicts");
        }
    }

    private void take(Message message) throws JMSException {
        StanzaEnvelope stanza;
        try {
            stanza = StanzaMessageFormat.read(message);
        } catch (InvalidStanzaException e) {
            setAside(message, e.getMessage(), () -> { });
            return;
        }
        inFlight.take();
        long place = placeIfCameBack(message).orElseGet(() -> ++places);
        Taken taken = new Taken(message, stanza, OutboundAttempts.read(message, clock.instant()), 0, place);
        inLine(taken);
    }

    /**
     * Goes on with {@code taken} if none of its sender's earlier stanzas to its domain is out on the queue. Otherwise
     * it waits for them: here, when the first of them is due within {@link #PARKED_AT_MOST} (the broker hands out
     * messages due a millisecond apart in roughly that order only), or behind them on the queue.
     */
    private void inLine(Taken taken) {
        SenderLines.Pair pair = pairOf(taken.stanza());
        Instant now = clock.instant();
        if (lines.open(pair, now) && !lines.first(pair, taken.place())) {
            if (lines.firstDueAround(pair, now, PARKED_AT_MOST) && roomToPark(pair, taken.place(), now)) {
                parked.computeIfAbsent(pair, waiting -> new TreeMap<>()).put(taken.place(), taken);
                parkedCount++;
            } else {
                queueAgain(taken, taken.attempt(), now);
            }
            return;
        }
        lines.wentOn(pair, taken.place());
        goOn(taken);
        unpark(pair, now);
    }

    /**
     * Whether {@code place} of {@code pair} may be parked: while there is room, or by sending back the last place its
     * line has parked, when that is behind it. The places nearest the line's first are the ones worth keeping here: they
     * go on as soon as the first came, while a place sent round the queue costs a pause, and a line that parks its
     * far end while its near end goes round trickles out a few places a round.
     */
    private boolean roomToPark(SenderLines.Pair pair, long place, Instant now) {
        if (parkedCount < MOST_PARKED) {
            return true;
        }
        TreeMap<Long, Taken> waiting = parked.get(pair);
        if (waiting == null || waiting.lastKey() < place) {
            return false;
        }
        Taken last = waiting.pollLastEntry().getValue();
        parkedCount--;
        queueAgain(last, last.attempt(), now);
        return true;
    }

    /** Hands on the parked stanzas of {@code pair} that are now first in their line, in order. */
    private void unpark(SenderLines.Pair pair, Instant now) {
        TreeMap<Long, Taken> waiting = parked.get(pair);
        while (waiting != null && !waiting.isEmpty()
                && (!lines.open(pair, now) || lines.first(pair, waiting.firstKey()))) {
            Taken next = waiting.pollFirstEntry().getValue();
            parkedCount--;
            lines.wentOn(pair, next.place());
            goOn(next);
        }
        if (waiting != null && waiting.isEmpty()) {
            parked.remove(pair);
        }
    }

    /**
     * Parked stanzas whose line gave up its first, or whose first will not come soon after all: it is due later than
     * it was, or late (the consumer, full, takes nothing, the first included, until parked stanzas go).
     */
    private void unparkLate() {
        Instant now = clock.instant();
        for (SenderLines.Pair pair : List.copyOf(parked.keySet())) {
            unpark(pair, now);
            TreeMap<Long, Taken> waiting = parked.get(pair);
            if (waiting != null && !lines.firstDueAround(pair, now, PARKED_AT_MOST)) {
                parked.remove(pair);
                parkedCount -= waiting.size();
                waiting.values().forEach(again -> queueAgain(again, again.attempt(), now));
            }
        }
    }

    /**
     * To the engine, behind the stanzas to the same domain that wait for its share; back to the queue if one of its
     * sender's earlier stanzas went there since it was taken (it may have been {@link #held} meanwhile).
     */
    private void goOn(Taken taken) {
        StanzaEnvelope stanza = taken.stanza();
        ArrayDeque<Taken> waiting = waitingForDomain.get(stanza.toDomain());
        Instant now = clock.instant();
        if (waiting != null) {
            // behind the stanzas to that domain taken before it; its line is checked when it leaves them
            wait(taken, waiting);
        } else if (behindItsLine(taken, now)) {
            queueAgain(taken, taken.attempt(), now);
        } else {
            handOn(taken);
        }
    }

    /**
     * {@code message} goes to the dead-letter queue, its body unchanged, and only then is acknowledged, whereupon
     * {@code done} runs. When the dead-letter queue cannot take it, it is tried again after a pause: unacknowledged, the
     * message would come again only once this session ends, which may be days away.
     */
    private void setAside(Message message, String reason, Runnable done) {
        try {
            queues.deadLetter(PoisonMessages.bodyOf(message), reason, "ToFederation");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not set aside a message on ToFederation (" + reason + "); tried again in "
                    + RETRY_PAUSE, e);
            later.execute(() -> setAside(message, reason, done));
            return;
        }
        try {
            message.acknowledge();
        } catch (JMSException e) {
            throw new JMSRuntimeException("Message " + PoisonMessages.idOf(message) + " could not be acknowledged: "
                    + e.getMessage(), e.getErrorCode(), e);
        }
        done.run();
    }

    private void handOn(Taken taken) {
        String domain = taken.stanza().toDomain();
        if (!inFlight.enterDomain(domain, clock.instant())) {
            wait(taken, waitingForDomain.computeIfAbsent(domain, full -> new ArrayDeque<>()));
            return;
        }
        Optional<CompletionStage<Delivery>> verdict;
        try {
            verdict = routing.routeOutbound(taken.stanza());
        } catch (RuntimeException e) {
            routingFailed(taken, e);
            leaveDomain(domain);
            return;
        }
        if (verdict.isEmpty()) {
            leaveDomain(domain);
            acknowledge(taken);
            return;
        }
        verdict.get().whenComplete((delivery, failure) -> steps.add(() -> {
            // Settled first: a stanza that goes back to the queue opens its sender's line before the domain's next
            // waiting stanza, maybe that sender's, could go on ahead of it.
            settle(taken, failure == null ? delivery : new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                    "the engine failed on the stanza: " + failure.getMessage()));
            leaveDomain(domain);
        }));
    }

    /**
     * The routing failed on {@code taken} (its database or broker away, say): it is tried again after a pause, and
     * meanwhile it heads its sender's line as if it were out on the queue, so that the sender's later stanzas to its
     * domain wait behind it instead of going on ahead.
     */
    private void routingFailed(Taken taken, RuntimeException failure) {
        SenderLines.Pair pair = pairOf(taken.stanza());
        lines.wentBack(pair, taken.place(), lines.due(pair, taken.place(), clock.instant().plus(RETRY_PAUSE)));
        tryAgainLater(taken, "handed on", failure, again -> {
            lines.wentOn(pair, again.place());
            handOn(again);
            unpark(pair, clock.instant());
        });
    }

    /**
     * Keeps {@code taken} until its domain's share frees: many stanzas while the domain's server
     * {@link StanzasInFlight#answering answers}, only a share's worth while it does not. Beyond that a busy domain's
     * stanza is {@link #held}; another domain's goes back to the queue for a later try, as when the engine's queue for a
     * domain is full, so that a domain whose server does not answer holds only its own share.
     */
    private void wait(Taken taken, ArrayDeque<Taken> waiting) {
        String domain = taken.stanza().toDomain();
        Instant now = clock.instant();
        boolean answering = inFlight.answering(domain, now);
        if (waiting.size() < (answering ? inFlight.waitingPerBusyDomain() : inFlight.perDomain())) {
            waiting.add(taken);
            return;
        }
        if (!answering) {
            settle(taken, notAnswering(domain, now));
        } else if (held == null) {
            held = taken;
        } else {
            // Taken already, and counted in flight: one a step handed on (a parked stanza whose line gave up its first)
            // while the consumer holds another; sending it round the queue would only cost it a retry's delay. It may
            // be a later stanza of the held one's sender, which was taken before it: the held one goes first.
            if (held.stanza().toDomain().equals(domain)) {
                waiting.add(held);
                held = null;
            }
            waiting.add(taken);
        }
    }

    /**
     * A domain whose server does not answer (any more) with more than its share waiting: the stanzas beyond the share go
     * back to the queue for a later try, oldest first, so that their senders' lines keep their order.
     */
    private void sendBackWhatWaitsForSilentDomains() {
        Instant now = clock.instant();
        if (waitingForDomain.isEmpty() || now.isBefore(silenceChecked.plus(SILENCE_CHECKED))) {
            return;
        }
        silenceChecked = now;
        for (Map.Entry<String, ArrayDeque<Taken>> domain : List.copyOf(waitingForDomain.entrySet())) {
            ArrayDeque<Taken> waiting = domain.getValue();
            if (waiting.size() > inFlight.perDomain() && !inFlight.answering(domain.getKey(), now)) {
                ArrayDeque<Taken> beyondShare = new ArrayDeque<>();
                while (waiting.size() > inFlight.perDomain()) {
                    beyondShare.addFirst(waiting.pollLast());
                }
                Delivery.Bounced reason = notAnswering(domain.getKey(), now);
                beyondShare.forEach(taken -> settle(taken, reason));
            }
        }
    }

    private Delivery.Bounced notAnswering(String domain, Instant now) {
        return new Delivery.Bounced(StanzaErrorCondition.RESOURCE_CONSTRAINT, inFlight.silent(domain, now)
                ? "the server of " + domain + " has confirmed none of the stanzas sent to it for "
                + StanzasInFlight.SILENT_AFTER.toSeconds() + " s or more"
                : "the server of " + domain + " has not confirmed a stanza yet, and " + inFlight.perDomain()
                + " wait for it already");
    }

    /**
     * A verdict for {@code domain} freed a place in its share: the oldest stanza waiting for it goes on, unless one of
     * its sender's earlier stanzas went back to the queue meanwhile; then it goes back too, behind that one, and the
     * next waiting stanza takes the place.
     */
    private void leaveDomain(String domain) {
        Instant now = clock.instant();
        inFlight.leaveDomain(domain, now);
        ArrayDeque<Taken> waiting = waitingForDomain.get(domain);
        while (waiting != null && !waiting.isEmpty()) {
            Taken next = waiting.poll();
            if (waiting.isEmpty()) {
                waitingForDomain.remove(domain);
            }
            if (behindItsLine(next, now)) {
                queueAgain(next, next.attempt(), now);
            } else {
                handOn(next);
                return;
            }
        }
    }

    /** Whether an earlier stanza of {@code taken}'s sender to its domain is out on the queue. */
    private boolean behindItsLine(Taken taken, Instant now) {
        if (!lines.anyOpen()) {
            return false;
        }
        SenderLines.Pair pair = pairOf(taken.stanza());
        return lines.open(pair, now) && !lines.first(pair, taken.place());
    }

    private void settle(Taken taken, Delivery delivery) {
        if (!(delivery instanceof Delivery.Bounced)) {
            inFlight.answered(taken.stanza().toDomain());
            deliveredUncounted++;
            acknowledge(taken);
            return;
        }
        Optional<Duration> retry;
        try {
            retry = routing.settleOutbound(taken.stanza(), taken.attempt(), delivery);
        } catch (RuntimeException e) {
            // Never sent again for this: the engine's verdict stands, only acting on it is repeated.
            tryAgainLater(taken, "settled", e, again -> settle(again, delivery));
            return;
        }
        if (retry.isPresent()) {
            queueAgain(taken, taken.attempt().next(), clock.instant().plus(retry.get()));
            return;
        }
        acknowledge(taken);
    }

    /**
     * Puts {@code taken} back on the queue for {@code attempt}, due at {@code earliest}, or behind its sender's earlier
     * stanzas to the same domain that are out on the queue, then acknowledges the message it came in.
     */
    private void queueAgain(Taken taken, OutboundAttempt attempt, Instant earliest) {
        SenderLines.Pair pair = pairOf(taken.stanza());
        Instant due = lines.due(pair, taken.place(), earliest);
        // Out from now on, for its sender's later stanzas to line up behind it, even if sending it fails at first.
        lines.wentBack(pair, taken.place(), due);
        if (requeued.isEmpty()) {
            requeuedSince = clock.instant();
        }
        requeued.add(new Requeued(taken, attempt, earliest));
        try {
            requeue.send(taken.stanza(), attempt, epoch, taken.place(), Duration.between(clock.instant(), due));
        } catch (JMSException | RuntimeException e) {
            requeueFailed(e);
        }
    }

    /** Puts what was sent back this round on the queue, then acknowledges the messages it came in. */
    private void commitRequeued() {
        if (requeued.isEmpty()) {
            return;
        }
        try {
            requeue.commit();
        } catch (JMSException | RuntimeException e) {
            requeueFailed(e);
            return;
        }
        List<Requeued> committed = requeued;
        requeued = new ArrayList<>();
        committed.forEach(again -> acknowledge(again.taken()));
    }

    /**
     * The batch could not be sent or committed: it is rolled back, and each of its stanzas is sent back again after a
     * pause. When not even the rollback works, the session is lost: the pump ends, and what it had taken comes again.
     */
    private void requeueFailed(Exception failure) {
        try {
            requeue.rollback();
        } catch (JMSException e) {
            throw new JMSRuntimeException("Stanzas sent back to the queue could not be rolled back after a failure ("
                    + failure.getMessage() + "): " + e.getMessage(), e.getErrorCode(), e);
        }
        RuntimeException cause = failure instanceof JMSException e
                ? new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e) : (RuntimeException) failure;
        List<Requeued> failed = requeued;
        requeued = new ArrayList<>();
        failed.forEach(again -> tryAgainLater(again.taken(), "queued again", cause,
                retried -> queueAgain(retried, again.attempt(), again.earliest())));
    }

    private static SenderLines.Pair pairOf(StanzaEnvelope stanza) {
        return new SenderLines.Pair(JmsStanzaQueues.bare(stanza.from()), stanza.toDomain());
    }

    /** The place of {@code message} if it is one this consumer queued again; empty for a new one. */
    private OptionalLong placeIfCameBack(Message message) {
        try {
            return epoch.equals(message.getStringProperty(LINE)) ? OptionalLong.of(message.getLongProperty(PLACE))
                    : OptionalLong.empty();
        } catch (JMSException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /**
     * The routing failed on {@code taken} (its database or broker away, say): {@code step} runs again after a pause,
     * unless this stanza failed {@link #MOST_TRIES} times already; then it goes to the dead-letter queue, as an MDB's
     * message would, so that one stanza that always fails holds nothing forever.
     */
    private void tryAgainLater(Taken taken, String what, RuntimeException failure, Consumer<Taken> step) {
        Taken again = taken.failedOnce();
        if (again.failures() >= MOST_TRIES) {
            LOG.log(Level.WARNING, "A stanza to " + taken.stanza().to() + " could not be " + what + " in " + MOST_TRIES
                    + " tries; it is set aside on the dead-letter queue", failure);
            setAside(taken.message(), "could not be " + what + " in " + MOST_TRIES + " tries: " + failure,
                    inFlight::release);
            // If it headed its sender's line (its routing failed), the line goes on without it.
            SenderLines.Pair pair = pairOf(taken.stanza());
            lines.wentOn(pair, taken.place());
            unpark(pair, clock.instant());
            return;
        }
        reportQuietly(taken, what, failure);
        later.execute(() -> step.accept(again));
    }

    private void reportQuietly(Taken taken, String what, RuntimeException failure) {
        // Such a failure is rarely one stanza's: logged once in a while, with how many failed meanwhile.
        Instant now = clock.instant();
        if (now.isBefore(quietUntil)) {
            unlogged++;
        } else {
            LOG.log(Level.WARNING, "A stanza to " + taken.stanza().to() + " could not be " + what + ", tried again in "
                    + RETRY_PAUSE + " (" + unlogged + " other failures since the last report)", failure);
            quietUntil = now.plus(QUIET_AFTER_REPORT);
            unlogged = 0;
        }
    }

    private void acknowledge(Taken taken) {
        try {
            taken.message().acknowledge();
        } catch (JMSException e) {
            throw new JMSRuntimeException("Message " + PoisonMessages.idOf(taken.message()) + " could not be acknowledged: "
                    + e.getMessage(), e.getErrorCode(), e);
        }
        inFlight.release();
    }

    /** A stanza sent back to the queue for {@code attempt}, due at {@code earliest} or later. */
    private record Requeued(Taken taken, OutboundAttempt attempt, Instant earliest) {
    }

    /**
     * A message taken off the queue, until it is acknowledged, how often routing it failed, and its place in its
     * sender's order.
     */
    private record Taken(Message message, StanzaEnvelope stanza, OutboundAttempt attempt, int failures, long place) {

        Taken failedOnce() {
            return new Taken(message, stanza, attempt, failures + 1, place);
        }
    }
}
