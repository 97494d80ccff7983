package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The outbound side of the engine: one {@link OutboundLink} per remote domain, opened on the
 * first stanza for it and shared by every local domain that sends there; and the one-off
 * verification streams the inbound side needs ({@link DialbackVerifier}).
 */
final class OutboundSessions implements DialbackVerifier {

    private static final Duration DRAIN_POLL = Duration.ofMillis(10);
    /**
     * Verifications in flight for all inbound streams together: each holds a lookup and a connection that peers
     * cause before proving anything, and many streams could each use their own share ({@link PendingVerifications}).
     */
    static final int MAX_VERIFICATIONS = 256;

    /** Read for each new link or verification, so that a reconfiguration applies to new sessions. */
    private final Supplier<EngineSettings> settings;
    private final DialbackKeys keys;
    private final EventLoopGroup group;
    private final Bouncer bouncer;
    private final FailureLog failures;
    private final FederationEvents events;
    private final SessionIds ids;
    private final ServerPings pings;
    private final Clock clock;
    private final Map<String, OutboundLink> links = new ConcurrentHashMap<>();
    /**
     * Links an administrator closed whose last stanzas still wait for their receipt, until they are {@link
     * OutboundLink#settled() settled}; the next link to the same remote domain writes nothing before.
     */
    private final Set<OutboundLink> awaitingReceipts = ConcurrentHashMap.newKeySet();
    /** Set when {@link #shutdown()} begins: links that end from then on have no successor. Under {@link #lifecycle}. */
    private boolean shuttingDown;
    /** Orders a successor's arrival ({@link #ended}) and the start of {@link #shutdown()}. */
    private final Object lifecycle = new Object();
    /** False once our listener is closed: the remote servers' answers to our pings, our receipts, can no longer come. */
    private volatile boolean receiptsCanCome = true;
    private final RetryBackoff backoff;
    private final AtomicInteger verifications = new AtomicInteger();
    /** The connections of the sessions {@link #drain} and {@link #shutdown()} ended, until they are closed. */
    private final ChannelGroup ending = new DefaultChannelGroup("parley-s2s-outbound-ending", GlobalEventExecutor.INSTANCE);

    OutboundSessions(Supplier<EngineSettings> settings, DialbackKeys keys, EventLoopGroup group,
                     Bouncer bouncer, FailureLog failures, FederationEvents events, SessionIds ids, ServerPings pings,
                     Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.group = group;
        this.bouncer = bouncer;
        this.failures = failures;
        this.events = events;
        this.ids = ids;
        this.pings = pings;
        this.clock = clock;
        this.backoff = new RetryBackoff(() -> settings.get().config().health(), clock);
    }

    /**
     * Sends {@code stanza} from {@code localDomain} to {@code remoteDomain} (canonical form), opening the session if
     * needed, unless the host does not federate with that domain.
     */
    void send(String localDomain, String remoteDomain, Outgoing stanza) {
        Optional<String> refused = settings.get().config().remoteDomains().refusal(remoteDomain);
        if (refused.isPresent()) {
            // Nothing is resolved or connected: the remote domain must not even learn that we tried.
            bouncer.bounce(stanza, StanzaErrorCondition.NOT_ALLOWED, refused.get());
            return;
        }
        Optional<RetryBackoff.Refusal> refusal = backoff.refusal(remoteDomain);
        if (refusal.isPresent()) {
            // Its last session failed to open moments ago: the sender learns at once, the peer is spared.
            bouncer.bounce(stanza, refusal.get().condition(), refusal.get().text());
            return;
        }
        // A link that closes between lookup and use says so; the next round opens a fresh one.
        while (true) {
            EngineSettings current = settings.get();
            OutboundLink[] created = new OutboundLink[1];
            OutboundLink link = links.computeIfAbsent(remoteDomain,
                    domain -> created[0] = newLink(domain, localDomain, current));
            // Queue first, then connect: the stanza must be waiting before any outcome can arrive.
            if (link.send(localDomain, stanza)) {
                if (link == created[0]) {
                    link.open(current.connector());
                }
                return;
            }
            links.remove(remoteDomain, link);
        }
    }

    /**
     * A new link to {@code remoteDomain}; it writes no stanza before the links an administrator closed there have their
     * last receipt: the remote server reads each stream on its own, and a stanza on the new one could overtake one still
     * on its way on the old.
     */
    private OutboundLink newLink(String remoteDomain, String headerDomain, EngineSettings current) {
        CompletableFuture<?> predecessors = CompletableFuture.allOf(awaitingReceipts.stream()
                .filter(ended -> ended.remoteDomain().equals(remoteDomain))
                .map(ended -> ended.settled().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
        return new OutboundLink(ids.next(), remoteDomain, headerDomain, current.config(), keys, bouncer, failures,
                events, backoff, pings, () -> receiptsCanCome, this::ended, clock.instant(), predecessors);
    }

    /**
     * {@code link} takes no more stanzas: forgotten, and, when it leaves stanzas to go out again, replaced by a new
     * link that holds them first, before anything sent from now on. Under the ended link's lock, so that a sender who
     * found it closed finds the successor in its place; the successor connects on the event loop. Once
     * {@link #shutdown()} began, no successor is made: the ended link bounces what it leaves.
     */
    private boolean ended(OutboundLink link, List<Outgoing> again) {
        synchronized (lifecycle) {
            if (again.isEmpty() || shuttingDown) {
                if (!shuttingDown && link.awaitsReceipt()) {
                    // Known before the link is forgotten, so that the link a sender opens next waits for it.
                    awaitingReceipts.add(link);
                    link.settled().thenRun(() -> awaitingReceipts.remove(link));
                }
                links.remove(link.remoteDomain(), link);
                return again.isEmpty();
            }
            replace(link, again);
            return true;
        }
    }

    /** Puts a new link holding {@code again} in the place of {@code link}, and has it connect. */
    private void replace(OutboundLink link, List<Outgoing> again) {
        EngineSettings current = settings.get();
        OutboundLink successor = newLink(link.remoteDomain(), again.get(0).localDomain(), current);
        successor.takeBack(again);
        OutboundLink inPlace = links.compute(link.remoteDomain(),
                (domain, present) -> present == null || present == link ? successor : present);
        if (inPlace == successor) {
            group.execute(() -> successor.open(current.connector()));
        } else {
            // Another link took the domain meanwhile: the stanzas queue there, in order, behind what it holds.
            group.execute(() -> again.forEach(stanza -> send(stanza.localDomain(), link.remoteDomain(), stanza)));
        }
    }

    /** Our listener closed: no receipt can reach us any more ({@link OutboundWriter}). */
    void inboundClosed() {
        receiptsCanCome = false;
    }

    /** {@code remoteDomain} showed it is up (it authenticated a stream to us): its back-off ends now. */
    void alive(String remoteDomain) {
        backoff.succeeded(remoteDomain);
    }

    @Override
    public CompletableFuture<DialbackType> verify(String receiving, String originating, String streamId, String key) {
        if (verifications.incrementAndGet() > MAX_VERIFICATIONS) {
            verifications.decrementAndGet();
            return CompletableFuture.failedFuture(new RemoteDomainException(StanzaErrorCondition.RESOURCE_CONSTRAINT,
                    "too many dialback verifications are in progress"));
        }
        EngineSettings current = settings.get();
        DialbackVerification verification = new DialbackVerification(receiving, originating, streamId, key);
        verification.answer().whenComplete((type, failure) -> verifications.decrementAndGet());
        current.connector().connect(new OutboundStreamSpec(receiving, originating, verification, false))
                .whenComplete((channel, failure) -> {
                    if (failure != null) {
                        RemoteDomainException reason = RemoteDomainException.of(failure);
                        verification.failed(reason.condition(), reason.getMessage());
                    } else {
                        verification.connected(channel);
                    }
                });
        ScheduledFuture<?> deadline = group.schedule(() -> verification.timeOut("the authoritative server of "
                + originating + " did not answer our verification in time"), current.config().dialbackTimeout().toNanos(), TimeUnit.NANOSECONDS);
        verification.answer().whenComplete((type, failure) -> deadline.cancel(false));
        return verification.answer();
    }

    List<SessionInfo> sessions() {
        return links.values().stream().map(OutboundLink::info).toList();
    }

    /** Ends the session named {@code id} as {@link OutboundLink#closeByAdministrator()} says; false when none is open. */
    boolean closeByAdministrator(String id) {
        Optional<OutboundLink> link = links.values().stream().filter(open -> open.id().equals(id)).findFirst();
        if (link.isPresent() && link.get().closeByAdministrator()) {
            boolean late;
            synchronized (lifecycle) {
                late = shuttingDown;
            }
            if (late) {
                // Closed while the engine stops: shutdown() may have missed it.
                link.get().giveUpReceipts();
            }
        }
        return link.isPresent();
    }

    /**
     * Before {@link #shutdown()}: ends the sessions that are not up at once (they might take the whole
     * dialback timeout), then gives the authenticated ones up to {@code timeout} to put on the wire
     * what they have accepted and, while receipts can come (our listener still takes the remote servers' streams
     * that bring them), to have it confirmed. Blocks the caller; an interrupt ends the wait early.
     */
    void drain(Duration timeout) {
        List.copyOf(links.values()).stream().filter(link -> !link.authenticated()).forEach(this::end);
        long deadline = System.nanoTime() + timeout.toNanos();
        Predicate<OutboundLink> busy = receiptsCanCome ? OutboundLink::hasUnconfirmed : OutboundLink::hasUnwritten;
        try {
            while (links.values().stream().anyMatch(busy) && System.nanoTime() < deadline) {
                // Polling is plain and cheap here: shutdown happens once, and a drain lasts at most seconds.
                Thread.sleep(DRAIN_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending from {@code localDomains}, which this server no longer serves (see {@link OutboundLink#dropLocalDomains}). */
    void dropLocalDomains(Set<String> localDomains) {
        List.copyOf(links.values()).forEach(link -> link.dropLocalDomains(localDomains));
    }

    /**
     * Ends the sessions to the remote domains {@code policy} refuses, with {@code </stream:stream>}; their
     * stanzas are bounced with {@code not-allowed} and the policy's reason.
     */
    void refuseRemoteDomains(RemoteDomainPolicy policy) {
        List.copyOf(links.values()).forEach(link -> policy.refusal(link.remoteDomain()).ifPresent(link::refuse));
    }

    /**
     * Ends every session; stanzas still waiting or unconfirmed are bounced with {@code remote-server-timeout}, those of
     * sessions closed earlier whose receipt has not come yet too.
     */
    void shutdown() {
        List<OutboundLink> open;
        synchronized (lifecycle) {
            shuttingDown = true;
            open = List.copyOf(links.values());
        }
        open.forEach(this::end);
        awaitingReceipts.forEach(OutboundLink::giveUpReceipts);
        awaitingReceipts.clear();
    }

    /**
     * After {@link #shutdown()}: waits up to {@code timeout} for the connections of the sessions ended on shutdown to
     * close, which each does once our closing tag is written, or after {@link ServerStreams#CLOSE_GRACE} when its peer
     * does not read. Blocks the caller.
     */
    void awaitEnded(Duration timeout) {
        ending.newCloseFuture().awaitUninterruptibly(timeout.toMillis());
    }

    /** Ends {@code link} on shutdown, keeping its connection for {@link #awaitEnded} until it is closed. */
    private void end(OutboundLink link) {
        link.shutdown().ifPresent(ending::add);
    }
}
