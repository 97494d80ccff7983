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
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One JMS session's work on the ToFederation queue: takes a message, hands its stanza to the routing without waiting
 * for the network, and acknowledges the message only once the verdict is settled (counted, queued again, or returned
 * to the sender), so that what is in flight when the server stops comes again. Everything that touches the session
 * runs on the thread that calls {@link #run}, as a JMS session is single-threaded: verdicts arrive on the engine's
 * threads and only queue the step that settles them here.
 */
final class OutboundPump {

    private static final System.Logger LOG = System.getLogger(OutboundPump.class.getName());
    /** How long the thread waits for a message or a verdict before it looks again whether to stop. */
    private static final long POLL_MILLIS = 100;
    /** After a failure of the routing (the database or the broker away), the wait before the step is tried again. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration QUIET_AFTER_REPORT = Duration.ofSeconds(30);

    private final MessageConsumer consumer;
    private final FederationRouting routing;
    private final StanzaQueues queues;
    private final StanzasInFlight inFlight;
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final Executor later = CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS,
            steps::add);
    private final Clock clock = Clock.systemUTC();
    private Instant quietUntil = Instant.MIN;
    private int unlogged;

    OutboundPump(MessageConsumer consumer, FederationRouting routing, StanzaQueues queues, StanzasInFlight inFlight) {
        this.consumer = consumer;
        this.routing = routing;
        this.queues = queues;
        this.inFlight = inFlight;
    }

    /**
     * Works until {@code running} turns false. What is in flight then stays unacknowledged, for the broker to deliver
     * again: no use waiting for its verdicts, as a server that is stopping no longer lets this thread call its beans.
     *
     * @throws JMSException when the session fails, and a runtime exception when an invalid message could not be set
     *                      aside: either way, what was delivered and not acknowledged comes again
     */
    void run(BooleanSupplier running) throws JMSException {
        while (running.getAsBoolean()) {
            runWaitingSteps();
            if (inFlight.full()) {
                runNextStep(POLL_MILLIS);
            } else {
                Message message = consumer.receive(POLL_MILLIS);
                if (message != null) {
                    take(message);
                }
            }
        }
    }

    private void runWaitingSteps() {
        for (Runnable step = steps.poll(); step != null; step = steps.poll()) {
            step.run();
        }
    }

    private void runNextStep(long waitMillis) {
        try {
            Runnable step = steps.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (step != null) {
                step.run();
            }
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
            queues.deadLetter(PoisonMessages.bodyOf(message), e.getMessage(), "ToFederation");
            message.acknowledge();
            return;
        }
        inFlight.take();
        handOn(new Taken(message, stanza, OutboundAttempts.read(message, clock.instant())));
    }

    private void handOn(Taken taken) {
        String domain = taken.stanza().toDomain();
        if (!inFlight.enterDomain(domain)) {
            // As the engine does when its queue for a domain is full: tried again later, within the retry window.
            settle(taken, new Delivery.Bounced(StanzaErrorCondition.RESOURCE_CONSTRAINT,
                    inFlight.perDomain() + " stanzas to " + domain + " are already waiting for its server"));
            return;
        }
        Optional<CompletionStage<Delivery>> verdict;
        try {
            verdict = routing.routeOutbound(taken.stanza());
        } catch (RuntimeException e) {
            inFlight.leaveDomain(domain);
            tryAgainLater(taken, "handed on", e, () -> handOn(taken));
            return;
        }
        if (verdict.isEmpty()) {
            inFlight.leaveDomain(domain);
            acknowledge(taken);
            return;
        }
        verdict.get().thenAccept(delivery -> steps.add(() -> {
            inFlight.leaveDomain(domain);
            settle(taken, delivery);
        }));
    }

    private void settle(Taken taken, Delivery delivery) {
        try {
            routing.settleOutbound(taken.stanza(), taken.attempt(), delivery);
        } catch (RuntimeException e) {
            // Never sent again for this: the engine's verdict stands, only acting on it is repeated.
            tryAgainLater(taken, "settled", e, () -> settle(taken, delivery));
            return;
        }
        acknowledge(taken);
    }

    private void tryAgainLater(Taken taken, String what, RuntimeException failure, Runnable step) {
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
        later.execute(step);
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

    /** A message taken off the queue, until it is acknowledged. */
    private record Taken(Message message, StanzaEnvelope stanza, OutboundAttempt attempt) {
    }
}
