package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The write side of one outbound link: the stanzas of its established routes, written in order and settled by the
 * remote server's receipts.
 *
 * <p>The queue is drained on the stream's event loop: as many stanzas as the channel takes while it is writable, then
 * one flush, so that a burst costs one write to the socket rather than one per stanza. When the peer reads slower
 * than we send, the channel stops being writable and the queue holds the rest, in order; past the queue bound more are
 * refused ({@link #offer}) instead of growing Netty's outbound buffer without limit. Draining resumes once what was
 * written has reached the socket.
 *
 * <p>A written stanza is not yet delivered: it waits in {@link UnconfirmedStanzas} until the remote server answers a
 * ping written after it, which settles its fate as acknowledged. At most the queue bound waits so; beyond, draining
 * pauses until a receipt comes. A ping left unanswered for the ping timeout, or a write that fails, breaks the link
 * ({@link Link#broken}), which then hands on what is unconfirmed.
 *
 * <p>Where the remote server offers XEP-0198 stream management, the writer enables it before its first stanza, and an
 * {@code <r/>} takes the ping's place: the {@code <a/>} that answers it comes on this connection, so receipts do not
 * depend on the remote server's stream back to us ({@link OutboundStreamManagement}). Until {@code <enabled/>} or
 * {@code <failed/>} comes, stanzas are written but no receipt is asked for; the answer to the {@code <enable/>} counts
 * as the first receipt, with the same deadline. An {@code <enable/>} left unanswered that long, or a {@code <failed/>}
 * after {@code <enabled/>}, leaves the receipts to pings on the same stream: a server that ignores stream management
 * but handles stanzas keeps its stream, and one that hangs leaves the ping unanswered too.
 *
 * <p>A writer that follows a link an administrator closed writes no stanza before that link's last receipt came or its
 * wait ended ({@link #settled()}): the remote server reads the two streams in parallel, and a stanza written on the new
 * stream could overtake one still on its way on the old.
 *
 * <p>Shares its link's lock: the methods the link calls are called with the link's monitor held, unless they say
 * otherwise; the event loop's and the receipts' own work takes it.
 */
final class OutboundWriter {

    private static final System.Logger LOG = System.getLogger(OutboundWriter.class.getName());

    /** How many stanzas one drain takes from the queue under the lock before writing them. */
    private static final int DRAIN_BATCH = 64;

    /** The receipt asked for by {@code <enable/>}: its answer, either way, settles what was written before it. */
    private static final String ENABLING = "sm-enable";

    /** What the writer needs from its link; called under the link's lock, except {@link #broken}. */
    interface Link {

        /** The connection, once there is one. */
        Channel channel();

        /** Whether the link still takes and writes stanzas. */
        boolean takesStanzas();

        /** A local domain the remote server accepted on this stream, to ask for receipts from. */
        Optional<String> acceptedDomain();

        /** How the session authenticated {@code localDomain}, for a stanza whose carrier waits for it. */
        AuthMethod methodOf(String localDomain);

        /** Whether the remote server offered stream management (XEP-0198) on the authenticated stream. */
        boolean streamManagementOffered();

        /** The connection broke or the remote server stopped confirming: the link ends. Without the lock. */
        void broken(String reason);
    }

    private final Object lock;
    private final Link link;
    private final String remoteDomain;
    private final int queueBound;
    private final Bouncer bouncer;
    private final ServerPings pings;
    private final Duration receiptTimeout;
    private final BooleanSupplier receiptsCanCome;
    /** Completes once the ended links before this one to the same remote domain are {@link #settled()}. */
    private final CompletableFuture<?> predecessors;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    /** Stanzas of established routes not yet written to the channel, oldest first. */
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** Stanzas written to the channel that the remote server has not confirmed yet, oldest first. */
    private final UnconfirmedStanzas unconfirmed = new UnconfirmedStanzas();
    /** A drain is queued on the event loop, or one waits for written stanzas to reach the socket. */
    private boolean draining;
    /** The latest stanza handed to the channel; only the event loop touches it. */
    private ChannelFuture lastWrite;
    private long written;
    /** Whether stream management was asked for; at most once per stream. */
    private boolean streamManagementAsked;
    /** The stream's stream management once asked for and not refused: its {@code <a/>} are the receipts. */
    private OutboundStreamManagement streamManagement;
    /** Whether its {@code <enabled/>} came; until then no receipt is asked. */
    private boolean streamManagementEnabled;
    /** The stanzas counted up to the {@code <r/>} out, which its answer must reach to be the receipt. */
    private long requestedUpTo;

    /**
     * @param lock            the link's monitor, which guards this writer too
     * @param receiptsCanCome false once no answer to our pings can reach us (our listener is closed): what is
     *                        written then counts as written, as it did before receipts, rather than as lost
     * @param predecessors    completes when the ended links to the same remote domain whose stanzas may still be on
     *                        their way are settled; until then only answers to pings are written
     */
    OutboundWriter(Object lock, Link link, String remoteDomain, EngineConfig config, Bouncer bouncer,
                   ServerPings pings, BooleanSupplier receiptsCanCome, CompletableFuture<?> predecessors) {
        this.lock = lock;
        this.link = link;
        this.remoteDomain = remoteDomain;
        this.queueBound = config.queueBound();
        this.bouncer = bouncer;
        this.pings = pings;
        this.receiptTimeout = config.health().pingTimeout();
        this.receiptsCanCome = receiptsCanCome;
        this.predecessors = predecessors;
        if (!predecessors.isDone()) {
            predecessors.whenComplete((done, failure) -> {
                synchronized (lock) {
                    if (link.takesStanzas()) {
                        scheduleDrain();
                    }
                }
            });
        }
    }

    /**
     * Completes once the link has ended and nothing it wrote waits for a receipt any more: each stanza is confirmed,
     * handed on, bounced or settled as written without one.
     */
    CompletionStage<Void> settled() {
        return settled.minimalCompletionStage();
    }

    /** Completes {@link #settled()}, once the host heard the rest, if the link ended and waits for nothing. Under the lock. */
    private void settledIfEnded(LinkAftermath aftermath) {
        if (!link.takesStanzas() && unconfirmed.isEmpty() && !settled.isDone()) {
            aftermath.then(() -> settled.complete(null));
        }
    }

    /**
     * Queues a stanza of an established route; false when the queue bound is reached. Answers to pings are bounded by
     * the inbound streams they answer instead ({@link Outgoing#pingAnswer}).
     */
    boolean offer(Outgoing stanza) {
        if (queue.size() >= queueBound && !stanza.pingAnswer()) {
            return false;
        }
        queue.add(stanza);
        scheduleDrain();
        return true;
    }

    /**
     * Queues what waited for a route that has just been established, oldest first, whatever the bound. The first route
     * of a stream where the remote server offers stream management enables it first. On the event loop.
     */
    void established(List<Outgoing> waited) {
        if (!streamManagementAsked && link.streamManagementOffered()) {
            enableStreamManagement();
        }
        queue.addAll(waited);
        scheduleDrain();
    }

    /**
     * Writes {@code <enable/>} ahead of every stanza, counting as the receipt out until it is answered. Under the lock,
     * on the event loop, so that nothing is written before it.
     */
    private void enableStreamManagement() {
        streamManagementAsked = true;
        Channel out = link.channel();
        streamManagement = (OutboundStreamManagement) out.pipeline().get(OutboundStreamManagement.NAME);
        if (streamManagement == null) {
            return;
        }
        unconfirmed.abandonReceipt(pings);
        unconfirmed.receiptAsked(ENABLING, null);
        streamManagement.enable(new StreamManagementAnswers());
        receiptDeadline(out, ENABLING, System.nanoTime());
    }

    /**
     * Whether an answer to what we ask can still reach us: stream management's on this connection; a ping's on the
     * remote server's stream to us, which our closed listener no longer takes.
     */
    private boolean receiptsCanCome(boolean byPing) {
        return !byPing || receiptsCanCome.getAsBoolean();
    }

    /** Whether nothing waits to be written or confirmed. */
    boolean idle() {
        return queue.isEmpty() && unconfirmed.isEmpty();
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    boolean hasUnconfirmed() {
        return !unconfirmed.isEmpty();
    }

    /** How many stanzas were taken to be written. */
    long written() {
        return written;
    }

    /** Everything not confirmed, oldest first: written ones, then queued ones; forgotten here. */
    List<Outgoing> takeAll() {
        unconfirmed.abandonReceipt(pings);
        List<Outgoing> left = new ArrayList<>(unconfirmed.takeAll());
        left.addAll(queue);
        queue.clear();
        return left;
    }

    /** Bounces what is queued with {@code condition}; it was never written. */
    void bounceQueued(StanzaErrorCondition condition, String reason, LinkAftermath aftermath) {
        String unwritten = "the stream to " + remoteDomain + " ended before the stanza was sent: " + reason;
        queue.forEach(stanza -> aftermath.bounce(stanza, condition, unwritten));
        queue.clear();
    }

    /** Bounces every unconfirmed stanza with {@code remote-server-timeout}, which may be retried. */
    void bounceUnconfirmed(String reason, LinkAftermath aftermath) {
        unconfirmed.abandonReceipt(pings);
        String unanswered = "the stream to " + remoteDomain + " ended before it confirmed the stanza: " + reason;
        unconfirmed.takeAll().forEach(stanza ->
                aftermath.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, unanswered));
        settledIfEnded(aftermath);
    }

    /** The stream ended and no receipt will come: whoever waits learns that the stanzas were written without one. */
    void settleWithoutReceipts(LinkAftermath aftermath) {
        unconfirmed.abandonReceipt(pings);
        unconfirmed.takeAll().forEach(aftermath::writtenWithoutReceipt);
        settledIfEnded(aftermath);
    }

    /** Nobody waits for the ping out for a receipt any more, if one is. */
    void abandonReceipt() {
        unconfirmed.abandonReceipt(pings);
    }

    /**
     * Stops writing for the local domains {@code dropped} accepts: their queued stanzas bounce with {@code condition}
     * and the reason for their domain; their written ones are settled as written without a receipt, since sending
     * them again would meet the same refusal.
     *
     * @return whether the ping out came from a dropped domain and was abandoned: its answer would go to a domain the
     *         link no longer sends for, so the link asks again from one it still does
     */
    boolean drop(Predicate<String> dropped, StanzaErrorCondition condition, Function<String, String> reason,
                 LinkAftermath aftermath) {
        queue.removeIf(stanza -> {
            String from = stanza.localDomain();
            boolean drop = dropped.test(from);
            if (drop) {
                aftermath.bounce(stanza, condition, reason.apply(from));
            }
            return drop;
        });
        unconfirmed.forgetAll(stanza -> dropped.test(stanza.localDomain())).forEach(aftermath::writtenWithoutReceipt);
        if (unconfirmed.receiptFrom().filter(dropped).isPresent()) {
            unconfirmed.abandonReceipt(pings);
            return true;
        }
        return false;
    }

    /**
     * On the event loop, without the lock: writes everything queued, then a ping asking a receipt for everything
     * written on the stream; the channel keeps them in order ahead of whatever the caller writes next, such as a
     * closing tag.
     */
    void writeLast(Channel out) {
        List<Outgoing> taken;
        synchronized (lock) {
            taken = queue.stream().map(this::taken).toList();
            queue.clear();
        }
        taken.forEach(stanza -> write(out, stanza));
        out.flush();
        askForReceipt(out, true);
    }

    /**
     * The link ended in order and waits for the answer to its last ping; what was written with no ping out to cover it
     * (a drain that wrote between the last ping and the end) will never be asked about, so it bounces with
     * {@code remote-server-timeout}, which may be retried.
     */
    void awaitLastReceipt(String reason, LinkAftermath aftermath) {
        if (unconfirmed.wantsReceipt()) {
            bounceUnconfirmed(reason, aftermath);
        }
        settledIfEnded(aftermath);
    }

    /** Has the event loop drain the queue, unless a drain is already on its way. */
    private void scheduleDrain() {
        if (!draining && !queue.isEmpty()) {
            draining = true;
            link.channel().eventLoop().execute(this::drain);
        }
    }

    /**
     * On the event loop: writes queued stanzas while the channel is writable, then flushes once.
     * When it stops being writable, flushes what was written and continues once the last of it has
     * reached the socket; meanwhile the queue fills, up to the bound. A stanza that cannot be
     * written is bounced on its own ({@link #write}), so nothing skips the end of the loop, where
     * {@code draining} is decided.
     */
    private void drain() {
        List<Outgoing> batch = new ArrayList<>(DRAIN_BATCH);
        Channel out;
        synchronized (lock) {
            out = link.channel();
        }
        boolean wrote = false;
        boolean stopped;
        while (true) {
            boolean writable = out.isWritable();
            synchronized (lock) {
                boolean open = link.takesStanzas();
                boolean held = unconfirmed.size() >= queueBound || !predecessors.isDone();
                if (open && writable && out.isActive() && held) {
                    answersOnly(batch);
                }
                if (batch.isEmpty() && (!open || queue.isEmpty() || !writable || !out.isActive() || held)) {
                    // stopped by the peer: resumed below; waiting for receipts, ours or a predecessor's: resumed when
                    // one comes; otherwise the next stanza schedules anew, and a closed stream hands on or bounces
                    // what is left
                    boolean toWrite = held ? queue.stream().anyMatch(Outgoing::pingAnswer) : !queue.isEmpty();
                    stopped = open && toWrite && out.isActive();
                    draining = stopped;
                    break;
                }
                for (int i = 0; i < DRAIN_BATCH && !held && !queue.isEmpty() && unconfirmed.size() < queueBound; i++) {
                    batch.add(taken(queue.poll()));
                }
            }
            for (Outgoing stanza : batch) {
                write(out, stanza).ifPresent(handed -> lastWrite = handed);
            }
            batch.clear();
            wrote = true;
        }
        if (wrote) {
            out.flush();
            askForReceipt(out, false);
        }
        if (stopped) {
            if (lastWrite != null && !lastWrite.isDone()) {
                lastWrite.addListener(done -> drain());
            } else {
                // not writable for writes other than ours (or already written): look again shortly
                out.eventLoop().schedule(this::drain, 1, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * While we wait for receipts, ours or a predecessor's, the answers to the peer's pings in the queue, which need
     * none and keep no order with our stanzas, into {@code batch}:
     * held behind our stanzas they would keep the peer's stream to us paused ({@link InboundBacklog}), and with it the
     * answer to our own receipt ping. Under the lock.
     */
    private void answersOnly(List<Outgoing> batch) {
        for (Iterator<Outgoing> queued = queue.iterator(); queued.hasNext() && batch.size() < DRAIN_BATCH; ) {
            Outgoing stanza = queued.next();
            if (stanza.pingAnswer()) {
                queued.remove();
                batch.add(taken(stanza));
            }
        }
    }

    /**
     * A stanza taken from the queue to be written now: from here it waits for its receipt, and a stream that ends
     * before it is written hands it on like the written ones. Under the lock.
     */
    private Outgoing taken(Outgoing stanza) {
        if (stanza.wantsReceipt()) {
            unconfirmed.written(stanza);
        }
        written++;
        return stanza;
    }

    /**
     * Hands a stanza taken from the queue to the channel, where it waits for its receipt. One that cannot be written as
     * XML is bounced with {@code internal-server-error} instead, so that it stops neither the stanzas after it nor the
     * drain: a character XML 1.0 lacks ({@link S2sEngine#send} refuses those, but stanzas of the engine's own do not
     * pass there), or a tree nested deeper than the writer's recursion reaches.
     *
     * @return the write, or empty when the stanza was bounced
     */
    private Optional<ChannelFuture> write(Channel out, Outgoing stanza) {
        String xml;
        try {
            xml = XmlWriter.write(addressedForTheWire(stanza.stanza()), ServerStreams.SCOPE);
        } catch (RuntimeException failure) {
            return unwritable(stanza, AuditTexts.failure(failure));
        } catch (StackOverflowError tooDeep) {
            return unwritable(stanza, "it is nested too deeply");
        }
        ChannelFuture handed = out.write(xml);
        handed.addListener(done -> settle(stanza, done));
        return Optional.of(handed);
    }

    /**
     * The stanza with its {@code to} and {@code from} as XMPP addresses carry them: an internationalized domain in
     * U-labels (RFC 7622 §3.2), whichever form the host gave. The same stanza when there is nothing to change.
     */
    private static XmlElement addressedForTheWire(XmlElement stanza) {
        List<XmlAttribute> attributes = stanza.attributes();
        List<XmlAttribute> rewritten = null;
        for (int i = 0; i < attributes.size(); i++) {
            XmlAttribute attribute = attributes.get(i);
            if (attribute.namespace().isEmpty() && (attribute.name().equals("to") || attribute.name().equals("from"))) {
                String wire = Jid.onTheWire(attribute.value());
                if (!wire.equals(attribute.value())) {
                    rewritten = rewritten == null ? new ArrayList<>(attributes) : rewritten;
                    rewritten.set(i, XmlAttribute.of(attribute.name(), wire));
                }
            }
        }
        return rewritten == null ? stanza
                : new XmlElement(stanza.name(), stanza.namespace(), rewritten, stanza.children());
    }

    /**
     * Bounces a stanza that cannot be written as XML, saying why: the host's or the engine's mistake, not the peer's.
     * Unless its stream ended meanwhile and took care of it, handing it on (the next stream will find it unwritable
     * too) or bouncing it.
     */
    private Optional<ChannelFuture> unwritable(Outgoing stanza, String problem) {
        synchronized (lock) {
            if (stanza.wantsReceipt() && !unconfirmed.forget(stanza)) {
                return Optional.empty();
            }
        }
        LOG.log(Level.WARNING, "cannot write a stanza from {0} to {1} as XML: {2}",
                stanza.stanza().attribute("from").orElse("-"), remoteDomain, problem);
        bouncer.bounce(stanza, StanzaErrorCondition.INTERNAL_SERVER_ERROR, "the stanza could not be written as XML: "
                + problem);
        return Optional.empty();
    }

    /**
     * A written stanza's carrier learns the session that wrote it. A write that fails means the connection broke:
     * the link ends and hands on what it has not had confirmed, this stanza included.
     */
    private void settle(Outgoing stanza, Future<?> done) {
        if (!stanza.wantsReceipt()) {
            // Nothing hands such a stanza on: written or lost with the connection, it is done with here.
            if (done.isSuccess()) {
                stanza.writtenNeedingNoReceipt();
            } else {
                bouncer.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the connection to " + remoteDomain
                        + " failed while sending");
            }
        }
        if (done.isSuccess()) {
            stanza.carrier().ifPresent(carrier -> {
                AuthMethod method;
                synchronized (lock) {
                    method = link.methodOf(stanza.localDomain());
                }
                carrier.complete(method);
            });
            return;
        }
        Throwable cause = done.cause();
        link.broken("the connection to " + remoteDomain + " failed while sending: "
                + AuditTexts.failure(cause));
    }

    /**
     * After written stanzas: a request behind them asking the remote server for a receipt, unless one is out already
     * (its answer asks for the next) and not {@code anew}: stream management's {@code <r/>} where it is enabled, else
     * a ping from a local domain the remote server accepted on this stream. Left unanswered for the ping timeout, the
     * stream is taken for dead ({@link #receiptOverdue}). On the event loop.
     *
     * @param anew the last request before our closing tag ({@link #writeLast}): asks even if a request is out,
     *             covering everything written so far (the earlier one's answer is then no news), and by ping even with
     *             stream management, since the remote server may end the connection on our closing tag before its
     *             {@code <a/>} could go out; the ping's answer comes on its own stream to us
     */
    void askForReceipt(Channel out, boolean anew) {
        String[] requestId = new String[1];
        XmlElement request;
        OutboundStreamManagement counter;
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (lock) {
            counter = streamManagement;
            if (!receiptsCanCome(anew || counter == null)) {
                settleWithoutReceipts(aftermath);
                if (link.takesStanzas()) {
                    scheduleDrain();
                }
                request = null;
            } else {
                request = receiptRequest(out, anew, requestId);
            }
        }
        aftermath.run();
        if (request == null) {
            return;
        }
        if (StreamManagement.is(request)) {
            // On the event loop, as every stanza write is: none can come between the count and the request.
            counter.requestAcknowledgement();
        } else {
            out.writeAndFlush(XmlWriter.write(request, ServerStreams.SCOPE));
        }
        receiptDeadline(out, requestId[0], System.nanoTime());
    }

    /** Starts the timer that takes the stream for dead when {@code pingId}, written {@code askedAt}, stays unanswered. */
    private void receiptDeadline(Channel out, String pingId, long askedAt) {
        ScheduledFuture<?> deadline = out.eventLoop().schedule(() -> receiptOverdue(out, pingId, askedAt),
                receiptTimeout.toNanos(), TimeUnit.NANOSECONDS);
        synchronized (lock) {
            unconfirmed.deadline(pingId, deadline);
        }
    }

    /**
     * The request for a receipt now, a ping or stream management's {@code <r/>}, its id in {@code requestId}; null when
     * none is wanted, or none can be asked while the {@code <enable/>} waits for its answer. Under the lock.
     */
    private XmlElement receiptRequest(Channel out, boolean anew, String[] requestId) {
        boolean wanted = anew ? !unconfirmed.isEmpty() : unconfirmed.wantsReceipt() && !unconfirmed.awaits(ENABLING);
        if (!link.takesStanzas() || link.channel() != out || !wanted) {
            return null;
        }
        if (streamManagement != null && !anew) {
            unconfirmed.abandonReceipt(pings);
            requestedUpTo = streamManagement.sent();
            requestId[0] = "sm-" + requestedUpTo;
            unconfirmed.receiptAsked(requestId[0], null);
            return StreamManagement.request();
        }
        Optional<String> from = link.acceptedDomain();
        if (from.isEmpty()) {
            return null;
        }
        unconfirmed.abandonReceipt(pings);
        // The answer cannot come before the ping is written, by when its id is known.
        requestId[0] = pings.register(from.get(), remoteDomain, answer -> receiptArrived(requestId[0]));
        unconfirmed.receiptAsked(requestId[0], from.get());
        return ServerPings.request(from.get(), remoteDomain, requestId[0]);
    }

    /**
     * The remote server answered the ping {@code pingId} (on any thread): what it covers is acknowledged, draining
     * resumes if it waited for receipts, and what was written meanwhile gets its own ping. On a link that ended while
     * the ping was out, what was written after it bounces: nobody will ask about it any more.
     */
    private void receiptArrived(String pingId) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        List<Outgoing> confirmed;
        Channel out;
        boolean askAgain;
        synchronized (lock) {
            if (!unconfirmed.awaits(pingId)) {
                return;
            }
            confirmed = unconfirmed.receipt(pingId);
            out = link.channel();
            boolean open = link.takesStanzas();
            askAgain = open && unconfirmed.wantsReceipt();
            if (open) {
                scheduleDrain();
            } else {
                bounceUnconfirmed("written after the last ping before the stream ended", aftermath);
            }
        }
        confirmed.forEach(Outgoing::acknowledged);
        aftermath.run();
        if (askAgain) {
            out.eventLoop().execute(() -> askForReceipt(out, false));
        }
    }

    /**
     * The ping {@code pingId} went unanswered for the ping timeout: the remote server is hung or gone. An open link
     * breaks and hands on what it has not had confirmed; an ended one that waited for its last receipt bounces it.
     */
    private void receiptOverdue(Channel out, String pingId, long askedAt) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        boolean open;
        Optional<String> from;
        boolean enableUnanswered;
        synchronized (lock) {
            if (!unconfirmed.awaits(pingId)) {
                return;
            }
            from = unconfirmed.receiptFrom();
            enableUnanswered = pingId.equals(ENABLING) && link.takesStanzas();
        }
        if (enableUnanswered) {
            // Offered, but not answered: a server that handles our stanzas and ignores <enable/> confirms them by ping,
            // and one that hangs leaves that ping unanswered too.
            LOG.log(Level.INFO, "{0} left our <enable/> of stream management unanswered for {1} s; receipts by ping",
                    remoteDomain, receiptTimeout.toMillis() / 1000.0);
            receiptsByPing(out);
            return;
        }
        String why = remoteDomain + " did not confirm what we sent within " + receiptTimeout.toMillis() / 1000.0
                + " s (" + (from.isPresent() ? "our ping" : "our request for an acknowledgement") + " went unanswered)";
        if (from.isPresent() && pings.answersHeldUp(from.get(), remoteDomain, askedAt, receiptTimeout)) {
            // The answer may wait unread on the peer's stream to us, which we paused: no sign of death.
            receiptDeadline(out, pingId, askedAt);
            return;
        }
        synchronized (lock) {
            if (!unconfirmed.awaits(pingId)) {
                return;
            }
            if (!receiptsCanCome(from.isPresent())) {
                // Unanswered because no answer can reach us any more, not because the remote server is gone.
                settleWithoutReceipts(aftermath);
                if (link.takesStanzas()) {
                    scheduleDrain();
                }
                open = false;
            } else {
                open = link.takesStanzas();
                if (!open) {
                    bounceUnconfirmed(why, aftermath);
                }
            }
        }
        aftermath.run();
        if (open) {
            LOG.log(Level.INFO, "{0}; closing the stream as dead", why);
            link.broken(why);
        }
    }

    /**
     * Stream management's acknowledgements will not come on {@code out} after all: the request out, {@code <enable/>} or
     * {@code <r/>}, is given up and a ping asks for a receipt of everything unconfirmed. On the event loop.
     */
    private void receiptsByPing(Channel out) {
        OutboundStreamManagement abandoned;
        synchronized (lock) {
            abandoned = streamManagement;
            streamManagement = null;
            streamManagementEnabled = false;
            unconfirmed.abandonReceipt(pings);
        }
        if (abandoned != null) {
            abandoned.abandon();
        }
        askForReceipt(out, false);
    }

    /** What stream management's handler hears from the remote server, on the event loop. */
    private final class StreamManagementAnswers implements OutboundStreamManagement.Answers {

        @Override
        public void enabled() {
            synchronized (lock) {
                streamManagementEnabled = true;
            }
            LOG.log(Level.DEBUG, "stream management enabled on the stream to {0}", remoteDomain);
            receiptArrived(ENABLING);
        }

        @Override
        public void refused(String why) {
            boolean enabling;
            synchronized (lock) {
                enabling = unconfirmed.awaits(ENABLING);
                if (enabling) {
                    streamManagement = null;
                }
            }
            LOG.log(Level.DEBUG, "{0} refused stream management ({1}); receipts by ping", remoteDomain, why);
            if (enabling) {
                receiptArrived(ENABLING);
            } else {
                // A <failed/> after <enabled/>: the <r/> out will not be answered, a ping asks instead.
                receiptsByPing(link.channel());
            }
        }

        @Override
        public void handled(long stanzas) {
            String requestId;
            synchronized (lock) {
                requestId = "sm-" + requestedUpTo;
                if (!streamManagementEnabled || stanzas < requestedUpTo || !unconfirmed.awaits(requestId)) {
                    // An acknowledgement of its own accord, short of what we asked about: the answer is still to come.
                    return;
                }
            }
            receiptArrived(requestId);
        }
    }
}
