package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.Channel;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stanzas one inbound stream handed to the host that the host has not taken yet (stored them durably, or answered
 * their senders with an error). Two things follow from it:
 * <ul>
 *   <li>the stream is read no further while {@link #MOST_WAITING} stanzas and ping answers wait here, or the engine
 *   has too many in all ({@link InboundBacklogs}): a peer faster than the host is slowed down by TCP, and none of
 *   its stanzas is refused for want of room;</li>
 *   <li>a peer's ping is answered only once every stanza it sent before the ping was taken: a peer that counts the
 *   answer as a receipt for what it sent before (XEP-0199 after a batch, as Parley itself does) never counts a stanza
 *   that a crash here could still lose; so is its request for a stream management acknowledgement
 *   ({@link InboundStreamManagement});</li>
 *   <li>an answer counts until our stream to the peer took it off our hands (wrote it, or dropped it with that
 *   stream): a peer that pipelines pings faster than it reads our answers is slowed down too, instead of having
 *   answers dropped for want of room.</li>
 * </ul>
 * Handed over and asked on the stream's event loop; the host may say "taken" from any thread, in any order (it works
 * on different senders' stanzas in parallel).
 */
final class InboundBacklog {

    /** Stanzas and held ping answers of one stream; reading resumes at half of it. */
    static final int MOST_WAITING = 1_000;

    private static final System.Logger LOG = System.getLogger(InboundBacklog.class.getName());

    /** One stanza handed over; taken once, whoever says so how often. */
    private static final class Handed extends AtomicBoolean {
        private final long number;

        private Handed(long number) {
            this.number = number;
        }
    }

    /**
     * An answer that is a receipt (to a ping, or to a stream management request) and waits for every stanza up to
     * {@code after} to be taken; sending it says when it is gone.
     */
    private record HeldAnswer(long after, Supplier<CompletionStage<?>> answer) {
    }

    private final Channel channel;
    private final InboundReadGate reading;
    private final InboundBacklogs engine;
    private final StanzaListener host;
    private final Consumer<Boolean> pauses;
    private final int mostWaiting;
    /** Handed over, oldest first, up to the oldest not taken and what came after it. Event loop only, like the rest. */
    private final ArrayDeque<Handed> handed = new ArrayDeque<>();
    private final ArrayDeque<HeldAnswer> answers = new ArrayDeque<>();
    private final AtomicBoolean sweepPlanned = new AtomicBoolean();
    /** Answers sent and not yet written (or dropped) by our stream to the peer; changed from any thread. */
    private final AtomicInteger answersUnderway = new AtomicInteger();
    private long handedSoFar;
    private boolean streamFull;
    private boolean hostBehind;
    private boolean engineFull;
    /** Whether reading stopped for the host's sake, as {@link #pauses} was last told. */
    private boolean paused;

    /**
     * {@code pauses} is told {@code true} when reading stops for the host's sake and {@code false} when it resumes or
     * the stream ends, on the event loop: whatever the peer sent meanwhile, answers to our pings too, waits unread.
     * A stop because our answers to the peer are not written yet is the peer's doing, and not told.
     */
    InboundBacklog(Channel channel, InboundReadGate reading, InboundBacklogs engine, StanzaListener host,
                   Consumer<Boolean> pauses) {
        this(channel, reading, engine, host, pauses, MOST_WAITING);
    }

    InboundBacklog(Channel channel, InboundReadGate reading, InboundBacklogs engine, StanzaListener host,
                   Consumer<Boolean> pauses, int mostWaiting) {
        this.channel = channel;
        this.reading = reading;
        this.engine = engine;
        this.host = host;
        this.pauses = pauses;
        this.mostWaiting = mostWaiting;
        // Close listeners run on the channel's event loop.
        channel.closeFuture().addListener(closed -> {
            engine.forget(this);
            ended();
        });
    }

    /** Hands {@code stanza} to the host; a host that throws has taken it (the failure is logged, the stream goes on). */
    void hand(XmlElement stanza) {
        Handed entry = new Handed(++handedSoFar);
        handed.addLast(entry);
        if (engine.handed() && !engineFull) {
            engineFull = true;
            engine.await(this);
        }
        try {
            host.onStanza(stanza, () -> taken(entry));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the stanza listener failed on a stanza from "
                    + stanza.attribute("from").orElse("-"), e);
            taken(entry);
        }
        updateReading();
    }

    /**
     * Sends {@code answer} once every stanza handed so far is taken: now, or later on the event loop. It counts against
     * the stream's bound until the stage that sending it returns completes.
     */
    void afterAllTaken(Supplier<CompletionStage<?>> answer) {
        HeldAnswer held = new HeldAnswer(handedSoFar, answer);
        if (handed.isEmpty()) {
            send(held);
        } else {
            answers.addLast(held);
        }
        updateReading();
    }

    /** Called by {@link InboundBacklogs} from any thread once the engine has room again. */
    void engineHasRoom() {
        onEventLoop(() -> {
            engineFull = false;
            updateReading();
        });
    }

    private void taken(Handed entry) {
        if (entry.compareAndSet(false, true)) {
            engine.taken();
            planSweep();
        }
    }

    private void planSweep() {
        if (sweepPlanned.compareAndSet(false, true)) {
            onEventLoop(this::sweep);
        }
    }

    /** Drops the taken stanzas at the head and runs the answers that no longer wait for any. */
    private void sweep() {
        sweepPlanned.set(false);
        while (!handed.isEmpty() && handed.peekFirst().get()) {
            handed.removeFirst();
        }
        long oldestUntaken = handed.isEmpty() ? Long.MAX_VALUE : handed.peekFirst().number;
        try {
            while (!answers.isEmpty() && answers.peekFirst().after() < oldestUntaken) {
                send(answers.removeFirst());
            }
        } finally {
            updateReading();
        }
    }

    /** Sends a held answer, counted until it is gone; one that fails must not keep the others, or the stream, waiting. */
    private void send(HeldAnswer held) {
        CompletionStage<?> gone;
        try {
            gone = held.answer().get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sending a held answer failed", e);
            return;
        }
        answersUnderway.incrementAndGet();
        gone.whenComplete((result, failure) -> {
            answersUnderway.decrementAndGet();
            planSweep();
        });
    }

    private void updateReading() {
        int forTheHost = handed.size() + answers.size();
        streamFull = beyondBound(streamFull, forTheHost + answersUnderway.get());
        hostBehind = beyondBound(hostBehind, forTheHost);
        reading.backlogged(channel, streamFull || engineFull);
        // Only the host's pause is ours: answers piling up unwritten mean the peer does not read, which its silence
        // may well be a sign of.
        boolean forTheHostsSake = hostBehind || engineFull;
        if (paused != forTheHostsSake && channel.isOpen()) {
            paused = forTheHostsSake;
            pauses.accept(forTheHostsSake);
        }
    }

    /** Whether {@code waiting} keeps a count beyond the bound, given whether it was: reached at the bound, left at half. */
    private boolean beyondBound(boolean was, int waiting) {
        return waiting >= mostWaiting || (was && waiting > mostWaiting / 2);
    }

    /** Whether the stream is not read because the host is behind (not because the peer does not read our answers). */
    boolean pausedForTheHost() {
        return paused;
    }

    private void ended() {
        if (paused) {
            paused = false;
            pauses.accept(false);
        }
    }

    /** The stream's event loop ends only with the engine; what is taken after that has nobody left to answer. */
    private void onEventLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException engineStopped) {
            LOG.log(Level.DEBUG, "the engine stopped before a stanza of {0} was taken", channel.remoteAddress());
        }
    }
}
