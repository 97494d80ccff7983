package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.Channel;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One outbound stream to a remote domain and the local domains authenticated on it by dialback:
 * the first one named in our header, the others piggy-backed (XEP-0220 §4). Each local domain has
 * an {@link OutboundRoute} whose stanzas wait in order until the receiving server answers our
 * {@code db:result} with valid. Whatever cannot be delivered is bounced; nothing is dropped.
 *
 * <p>Once a route is established its stanzas go to the link's {@link OutboundWriter}, which writes them in order and
 * settles each by the remote server's receipt; past {@link EngineConfig#queueBound()} stanzas waiting to be written,
 * more are bounced with {@code resource-constraint}. When a stream that was up ends without our doing (the
 * connection broke, the peer closed it or sent a stream error), what it had not had confirmed, what it queued and what
 * waited for a piggy-backing domain's dialback goes to the {@link Ended next link}, in order, to be written again:
 * at least once, never silently lost. A stanza handed on from {@link StreamHandover#MAX_STREAMS} streams bounces with
 * {@code remote-server-timeout} instead, so that a stanza that makes the peer drop the stream cannot loop.
 *
 * <p>Each route that becomes established is reported as a {@link Kind#STREAM_OPENED stream opened}, and
 * {@link Kind#STREAM_CLOSED closed} when it ends; a session that fails to open as a
 * {@link Kind#CONNECTION_FAILED connection failure}, where it is also recorded in the {@link FailureLog}.
 *
 * <p>Called from the host's threads ({@link #send}) and the stream's event loop (the events), so
 * state is guarded by this object's lock, which its writer shares. Bounces and federation events are handed to the
 * host only after the lock is released ({@link LinkAftermath}), so that a host that calls the engine from its
 * listeners cannot deadlock it.
 */
final class OutboundLink implements OutboundStreamEvents, OutboundWriter.Link {

    private static final System.Logger LOG = System.getLogger(OutboundLink.class.getName());

    /** What an ending link does with the stanzas it has not had confirmed. */
    private enum Leftovers {
        /** The stream broke under a link that was up: the next link writes them again ({@link #handOn}). */
        HAND_ON,
        /**
         * We close in order, a ping asking for a receipt before our closing tag: acknowledged when its answer comes,
         * bounced when it does not come within the ping timeout.
         */
        AWAIT_RECEIPT,
        /**
         * The engine stops and no receipt can come in time: what was written is settled as written without one (the
         * remote server most likely has it; sending it again after a restart would mostly double it), what was not
         * written bounces with {@code remote-server-timeout}, to be retried.
         */
        WRITTEN_WITHOUT_RECEIPT
    }

    /** Learns, once, that a link takes no more stanzas. */
    @FunctionalInterface
    interface Ended {

        /**
         * Called under the link's lock, so that a sender who finds the link closed finds its successor already in
         * place; must not block or call back into the link.
         *
         * @param unconfirmed what must go out again on a new stream to the same remote domain, in order: written but
         *                    not confirmed, queued, or waiting for dialback when the stream broke; often empty
         * @return whether they were taken; false when the engine is shutting down, and the link bounces them
         */
        boolean ended(OutboundLink link, List<Outgoing> unconfirmed);
    }

    private final String id;
    private final String remoteDomain;
    private final String headerDomain;
    private final int queueBound;
    private final Duration dialbackTimeout;
    private final Duration idleTimeout;
    private final RouteDialback dialback;
    private final Bouncer bouncer;
    private final FailureLog failures;
    private final FederationEvents events;
    private final RetryBackoff backoff;
    private final Ended onEnded;
    private final Instant openedAt;
    private final OutboundRoutes routes;
    private final OutboundWriter writer;
    private SessionState state = SessionState.CONNECTING;
    private Channel channel;
    private String streamId;
    private Optional<TlsDetails> tls = Optional.empty();
    private AuthMethod authMethod = AuthMethod.DIALBACK;
    private boolean dialbackOffered;
    private boolean streamManagementOffered;

    /**
     * @param id           names the link for the administrator ({@link SessionInfo#id()})
     * @param headerDomain the local domain that asked first; our stream header names it
     * @param pings           where the answers to the pings asking for receipts arrive
     * @param receiptsCanCome false once our listener is closed and no answer can reach us
     * @param onEnded         called once when the link can take no more stanzas, to forget it
     * @param predecessors    completes once the ended links to the same remote domain are {@link #settled()}: until
     *                        then this one writes no stanza, which could overtake theirs
     */
    OutboundLink(String id, String remoteDomain, String headerDomain, EngineConfig config, DialbackKeys keys,
                 Bouncer bouncer, FailureLog failures, FederationEvents events, RetryBackoff backoff,
                 ServerPings pings, BooleanSupplier receiptsCanCome, Ended onEnded, Instant openedAt,
                 CompletableFuture<?> predecessors) {
        this.id = id;
        this.remoteDomain = remoteDomain;
        this.headerDomain = headerDomain;
        this.queueBound = config.queueBound();
        this.dialbackTimeout = config.dialbackTimeout();
        this.idleTimeout = config.health().idleTimeout();
        this.dialback = new RouteDialback(keys, remoteDomain, config.dialbackTimeout());
        this.bouncer = bouncer;
        this.failures = failures;
        this.events = events;
        this.backoff = backoff;
        this.onEnded = onEnded;
        this.routes = new OutboundRoutes(config.queueBound());
        this.writer = new OutboundWriter(this, this, remoteDomain, config, bouncer, pings, receiptsCanCome,
                predecessors);
        this.openedAt = openedAt;
    }

    String id() {
        return id;
    }

    String remoteDomain() {
        return remoteDomain;
    }

    /** Starts connecting; the outcome arrives as stream events. */
    void open(OutboundConnector connector) {
        connector.connect(new OutboundStreamSpec(headerDomain, remoteDomain, this, true))
                .whenComplete((connected, failure) -> {
                    if (failure != null) {
                        RemoteDomainException reason = RemoteDomainException.of(failure);
                        failed(reason.condition(), reason.getMessage());
                    } else {
                        connected(connected);
                    }
                });
    }

    private void connected(Channel connected) {
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                // Shut down while connecting: the new connection has no one to serve.
                connected.close();
                return;
            }
            if (state != SessionState.CONNECTING) {
                // The stream got ready before this news of the connection arrived: nothing to do.
                return;
            }
            channel = connected;
            state = SessionState.NEGOTIATING;
        }
        connected.eventLoop().schedule(this::negotiationTimedOut, dialbackTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void negotiationTimedOut() {
        boolean stuck;
        synchronized (this) {
            stuck = state == SessionState.NEGOTIATING && streamId == null;
        }
        if (stuck) {
            failed(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, remoteDomain
                    + " accepted the connection but did not negotiate a stream within " + seconds(dialbackTimeout));
        }
    }

    /**
     * Sends a stanza from {@code localDomain}, or queues it until that domain is authenticated.
     * False when this link is closed and a new one must be opened.
     */
    boolean send(String localDomain, Outgoing stanza) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return false;
            }
            OutboundRoute route = routes.of(localDomain);
            if (route.state() == OutboundRoute.State.ESTABLISHED) {
                if (!writer.offer(stanza)) {
                    aftermath.bounce(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                            queueBound + " stanzas are already waiting for " + remoteDomain + " to read");
                }
            } else if (!route.offer(stanza)) {
                aftermath.bounce(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                        queueBound + " stanzas are already waiting for the connection to " + remoteDomain);
            } else if (streamId != null && !route.requested()) {
                authenticateFurther(route, aftermath);
            }
        }
        aftermath.run();
        return true;
    }

    /**
     * Before {@link #open}: queues what an ended link to the same remote domain hands on, oldest first, ahead of
     * anything sent later and whatever the queue's bound.
     */
    synchronized void takeBack(List<Outgoing> handedOn) {
        for (Outgoing stanza : handedOn) {
            routes.of(stanza.localDomain()).takeBack(stanza);
        }
    }

    @Override
    public void ready(Channel negotiated, NegotiatedStream stream) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            channel = negotiated;
            streamId = stream.streamId();
            tls = stream.tls();
            dialbackOffered = stream.dialbackOffered();
            streamManagementOffered = stream.streamManagementOffered();
            state = SessionState.NEGOTIATING;
            Optional<OutboundRoute> headerRoute = routes.find(headerDomain);
            if (stream.saslAuthenticated() && headerRoute.isPresent()) {
                // SASL EXTERNAL authenticated the domain in our header; the others piggy-back by dialback.
                authMethod = AuthMethod.SASL_EXTERNAL;
                backoff.succeeded(remoteDomain);
                headerRoute.get().markRequested();
                writer.established(headerRoute.get().establish());
                state = SessionState.AUTHENTICATED;
                report(aftermath, Kind.STREAM_OPENED, headerDomain, Optional.of(AuthMethod.SASL_EXTERNAL),
                        remoteDomain + " accepted " + headerDomain + " by SASL EXTERNAL");
            }
            for (OutboundRoute route : routes.unrequested()) {
                if (state != SessionState.CLOSED) {
                    authenticateFurther(route, aftermath);
                }
            }
        }
        aftermath.run();
    }

    /**
     * Authenticates a route's domain by dialback, unless SASL EXTERNAL authenticated the stream and
     * the peer offers no dialback: then no other domain can ever be authenticated on it, and the
     * route fails at once instead of at the dialback timeout. Without SASL a db:result is sent even
     * when not advertised, as servers from before XEP-0220's feature still answer it. Under the lock.
     */
    private void authenticateFurther(OutboundRoute route, LinkAftermath aftermath) {
        if (authMethod == AuthMethod.SASL_EXTERNAL && !dialbackOffered) {
            failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " authenticated only "
                    + headerDomain + " (by SASL EXTERNAL) and offers no dialback to authenticate " + route.localDomain(),
                    aftermath);
            return;
        }
        dialback.request(channel, streamId, route, this::dialbackUnanswered);
    }

    private void dialbackUnanswered(OutboundRoute route) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            if (!routes.holds(route) || route.state() != OutboundRoute.State.PENDING) {
                return;
            }
            failRoute(route, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, dialback.unansweredReason(), aftermath);
        }
        aftermath.run();
    }

    @Override
    public void received(XmlElement element) {
        Optional<RouteDialback.Answer> answer = RouteDialback.answer(element);
        if (answer.isEmpty()) {
            LOG.log(Level.DEBUG, "ignoring <{0}/> from {1} on an outbound stream", element.name(), remoteDomain);
            return;
        }
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            Optional<OutboundRoute> answered = routes.find(answer.get().localDomain())
                    .filter(route -> route.state() == OutboundRoute.State.PENDING);
            if (answered.isEmpty()) {
                return;
            }
            OutboundRoute route = answered.get();
            switch (answer.get().type()) {
                case VALID -> {
                    LOG.log(Level.INFO, "{0} accepted {1} by dialback", remoteDomain, route.localDomain());
                    backoff.succeeded(remoteDomain);
                    writer.established(route.establish());
                    state = SessionState.AUTHENTICATED;
                    report(aftermath, Kind.STREAM_OPENED, route.localDomain(), Optional.of(AuthMethod.DIALBACK),
                            remoteDomain + " accepted " + route.localDomain() + " by dialback");
                }
                case INVALID -> failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                        remoteDomain + " did not accept " + route.localDomain() + " (dialback key found invalid)", aftermath);
                case ERROR -> failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                        remoteDomain + " refused dialback for " + route.localDomain() + " with the error "
                                + answer.get().errorCondition(), aftermath);
            }
        }
        aftermath.run();
    }

    @Override
    public void failed(StanzaErrorCondition condition, String reason) {
        end(condition, reason, reason, true, Leftovers.HAND_ON, Channel::close);
    }

    @Override
    public void closed(String why) {
        end(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "the connection to " + remoteDomain + " was lost before the session was authenticated", why, true,
                Leftovers.HAND_ON, Channel::close);
    }

    /**
     * Ends the stream on shutdown, after {@link OutboundSessions#drain} gave what was accepted its chance: whatever is
     * still queued or waiting for a session bounces with {@code remote-server-timeout}, which the host may retry once
     * it runs again; what was written and not yet confirmed is settled as written without a receipt.
     *
     * @return the connection that our closing tag ends, if the stream had one
     */
    Optional<Channel> shutdown() {
        Channel open;
        synchronized (this) {
            open = state == SessionState.CLOSED ? null : channel;
        }
        String reason = "this server is shutting down";
        // Closed by our closing tag only once the link is: the peer's answering close is then no news.
        end(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, reason, reason, true, Leftovers.WRITTEN_WITHOUT_RECEIPT,
                ServerStreams::close);
        return Optional.ofNullable(open);
    }

    /**
     * Ends the stream at an administrator's request: what an established route queued is written, then a ping asking
     * for a receipt, then our closing tag; the receipt may still come after it, on the remote server's stream to us
     * ({@link Leftovers#AWAIT_RECEIPT}). What waits for the session to open bounces with
     * {@code remote-server-timeout}, a condition the sender may retry. Our own decision, so neither a failure to record
     * nor a reason to back off: the next stanza for the remote domain opens a new session at once.
     *
     * @return whether stanzas still wait for the receipt, which {@link #giveUpReceipts} ends early
     */
    boolean closeByAdministrator() {
        LOG.log(Level.INFO, "an administrator closes the S2S session to {0}", remoteDomain);
        Channel open;
        synchronized (this) {
            open = state == SessionState.CLOSED ? null : channel;
        }
        if (open != null) {
            // On the event loop, so that no drain of its own asks a receipt between taking and writing; ahead of the
            // closing tag that end() writes next.
            Runnable writeLast = () -> writer.writeLast(open);
            if (open.eventLoop().inEventLoop()) {
                writeLast.run();
            } else {
                open.eventLoop().submit(writeLast).awaitUninterruptibly();
            }
        }
        end(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "an administrator closed the session to " + remoteDomain,
                S2sEngine.CLOSED_BY_ADMINISTRATOR, false, Leftovers.AWAIT_RECEIPT, ServerStreams::close);
        return awaitsReceipt();
    }

    /**
     * Completes once the link has ended and nothing it wrote waits for a receipt any more; until then a new link to the
     * same remote domain holds its stanzas back.
     */
    CompletionStage<Void> settled() {
        return writer.settled();
    }

    /** Whether the link has ended and stanzas it wrote still wait for their receipt. */
    synchronized boolean awaitsReceipt() {
        return state == SessionState.CLOSED && writer.hasUnconfirmed();
    }

    /**
     * On shutdown: stanzas of an ended link that still wait for their receipt are settled as written without one, since
     * the engine stops listening for it.
     */
    void giveUpReceipts() {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            if (state != SessionState.CLOSED) {
                return;
            }
            writer.settleWithoutReceipts(aftermath);
        }
        aftermath.run();
    }

    /**
     * Stops sending from {@code localDomains} (canonical form), which this server no longer serves:
     * their waiting and queued stanzas are bounced with {@code remote-server-timeout}. Piggy-backed
     * domains authenticated on their own go on; a link left with none ends with {@code </stream:stream>}.
     */
    void dropLocalDomains(Set<String> localDomains) {
        dropRoutes(localDomains::contains, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                domain -> domain + " is no longer served by this server");
    }

    /**
     * The host no longer federates with the remote domain: every waiting and queued stanza is bounced
     * with {@code not-allowed} and {@code reason}, and the stream ends with {@code </stream:stream>}.
     * Our own decision, so neither a failure to record nor a reason to back off.
     */
    void refuse(String reason) {
        dropRoutes(domain -> true, StanzaErrorCondition.NOT_ALLOWED, domain -> reason);
    }

    /**
     * Forgets the routes of the local domains {@code dropped} accepts and bounces their stanzas with
     * {@code condition} and the reason for their domain; ends the link with {@code </stream:stream>}
     * when no route is left. What was written stays unconfirmed while the link goes on; when it ends, no receipt will
     * come for it, and sending it again would be refused for the same reason.
     */
    private void dropRoutes(Predicate<String> dropped, StanzaErrorCondition condition, Function<String, String> reason) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        boolean ended = false;
        boolean reask = false;
        Channel closing = null;
        Channel out = null;
        synchronized (this) {
            if (state == SessionState.CLOSED || !routes.anyOf(dropped)) {
                return;
            }
            for (OutboundRoute route : routes.removeAll(dropped)) {
                String why = reason.apply(route.localDomain());
                reportClosed(aftermath, List.of(route), why);
                route.drain().forEach(stanza -> aftermath.bounce(stanza, condition, why));
            }
            reask = writer.drop(dropped, condition, reason, aftermath) && !routes.isEmpty();
            out = channel;
            if (routes.isEmpty()) {
                state = SessionState.CLOSED;
                ended = true;
                closing = channel;
                writer.settleWithoutReceipts(aftermath);
                onEnded.ended(this, List.of());
            }
        }
        if (ended && closing != null) {
            ServerStreams.close(closing);
        }
        if (reask) {
            Channel asking = out;
            asking.eventLoop().execute(() -> writer.askForReceipt(asking, false));
        }
        aftermath.run();
    }

    /**
     * Nothing but pings for the idle timeout: forgets this link before its stream closes, so that a
     * stanza sent meanwhile opens a new stream instead of going to a closing one. A link with
     * stanzas or a dialback still under way is not idle, whatever the timer says.
     */
    @Override
    public void idle(Channel idleChannel) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        synchronized (this) {
            if (state != SessionState.AUTHENTICATED || !writer.idle() || routes.anyPending()) {
                return;
            }
            state = SessionState.CLOSED;
            reportClosed(aftermath, routes.all(), IdleStreamCloser.reason(idleTimeout));
            onEnded.ended(this, List.of());
        }
        LOG.log(Level.INFO, "closing the idle S2S session to {0}", remoteDomain);
        // Queued behind whatever the host's threads handed to the event loop before the state changed.
        idleChannel.eventLoop().execute(() -> ServerStreams.close(idleChannel));
        aftermath.run();
    }

    /** Whether stanzas flow on this link (a drain on shutdown waits only for such links). */
    synchronized boolean authenticated() {
        return state == SessionState.AUTHENTICATED;
    }

    /**
     * Whether anything accepted for this link is not yet confirmed by the remote server: stanzas waiting in a route
     * or the outgoing queue, or written and waiting for their receipt.
     */
    synchronized boolean hasUnconfirmed() {
        return hasUnwritten() || state != SessionState.CLOSED && writer.hasUnconfirmed();
    }

    /** Whether stanzas accepted for this link wait in a route or the writer's queue. */
    synchronized boolean hasUnwritten() {
        return state != SessionState.CLOSED && (writer.hasQueued()
                || routes.anyWaiting());
    }

    /**
     * Closes the link; established routes are reported closed with {@code detail}, why the stream ended. A link that
     * was up and may {@code handOn} gives what it leaves to the next link ({@link #handOn}). Otherwise waiting stanzas
     * bounce with {@code condition} and {@code reason}, and written ones not yet confirmed with
     * {@code remote-server-timeout}, which their senders may retry. When a route was still waiting to open and the link
     * {@code failed}, rather than being ended by an administrator, {@code reason} is recorded as a failure to reach the
     * remote domain. {@code closing} then closes the connection, if there is one.
     */
    private void end(StanzaErrorCondition condition, String reason, String detail, boolean failed, Leftovers leftovers,
                     Consumer<Channel> closing) {
        LinkAftermath aftermath = new LinkAftermath(bouncer);
        Channel ending;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            ending = channel;
            boolean opened = state == SessionState.AUTHENTICATED;
            state = SessionState.CLOSED;
            reportClosed(aftermath, routes.all(), detail);
            if (leftovers != Leftovers.AWAIT_RECEIPT) {
                writer.abandonReceipt();
            }
            List<Outgoing> again = opened && leftovers == Leftovers.HAND_ON ? handOn(detail, aftermath) : List.of();
            if (leftovers == Leftovers.WRITTEN_WITHOUT_RECEIPT) {
                writer.settleWithoutReceipts(aftermath);
            }
            boolean pending = routes.anyPending();
            routes.drainAll().forEach(stanza -> aftermath.bounce(stanza, condition, reason));
            routes.clear();
            if (leftovers != Leftovers.AWAIT_RECEIPT) {
                writer.bounceUnconfirmed(reason, aftermath);
            } else {
                writer.awaitLastReceipt(reason, aftermath);
            }
            writer.bounceQueued(condition, reason, aftermath);
            if (pending && failed && again.isEmpty()) {
                LOG.log(Level.INFO, "S2S session to {0} failed: {1}", remoteDomain, reason);
                String failure = opened ? reason : backoff.failed(remoteDomain, condition, reason).text();
                failures.record(remoteDomain, failure);
                report(aftermath, Kind.CONNECTION_FAILED, headerDomain, Optional.empty(), failure);
            }
            if (!onEnded.ended(this, again)) {
                again.forEach(stanza -> aftermath.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                        "the stream to " + remoteDomain + " ended (" + detail + ") while this server shuts down"));
            }
        }
        if (ending != null) {
            closing.accept(ending);
        }
        aftermath.run();
    }

    /**
     * What a link that was up leaves for the next one, oldest first: written but unconfirmed, queued, and waiting for
     * a piggy-backing domain's dialback, less what {@link StreamHandover} bounces. Takes them all from this link. Under
     * the lock.
     */
    private List<Outgoing> handOn(String why, LinkAftermath aftermath) {
        List<Outgoing> left = writer.takeAll();
        left.addAll(routes.drainAll());
        return StreamHandover.again(left, remoteDomain, why, aftermath);
    }

    /** Forgets {@code route} and bounces its stanzas; ends the link if nothing else uses it. Under the lock. */
    private void failRoute(OutboundRoute route, StanzaErrorCondition condition, String reason, LinkAftermath aftermath) {
        LOG.log(Level.INFO, "S2S session {0} -> {1} failed: {2}", route.localDomain(), remoteDomain, reason);
        boolean lastHope = state != SessionState.AUTHENTICATED && routes.onlyOf(route.localDomain());
        String failure = lastHope ? backoff.failed(remoteDomain, condition, reason).text() : reason;
        failures.record(remoteDomain, failure);
        report(aftermath, Kind.CONNECTION_FAILED, route.localDomain(), Optional.empty(), failure);
        routes.remove(route);
        route.drain().forEach(stanza -> aftermath.bounce(stanza, condition, reason));
        if (routes.isEmpty()) {
            state = SessionState.CLOSED;
            writer.settleWithoutReceipts(aftermath);
            onEnded.ended(this, List.of());
            ServerStreams.close(channel);
        }
    }

    /** How the route's domain was authenticated: SASL EXTERNAL covers only the domain in our header. Under the lock. */
    private AuthMethod methodOf(OutboundRoute route) {
        return methodOf(route.localDomain());
    }

    @Override
    public AuthMethod methodOf(String localDomain) {
        return localDomain.equals(headerDomain) ? authMethod : AuthMethod.DIALBACK;
    }

    /** Reports an event about the pair ({@code localDomain}, the remote domain) with the stream's facts of now. Under the lock. */
    private void report(LinkAftermath aftermath, Kind kind, String localDomain, Optional<AuthMethod> method,
                        String detail) {
        Optional<InetSocketAddress> address = channel != null && channel.remoteAddress() instanceof InetSocketAddress remote
                ? Optional.of(remote) : Optional.empty();
        Optional<TlsDetails> encryption = tls;
        aftermath.then(() -> events.emit(kind, SessionDirection.OUTBOUND, localDomain, remoteDomain, address, method,
                encryption, detail));
    }

    /** Every established route's end, before the routes are forgotten. Under the lock. */
    private void reportClosed(LinkAftermath aftermath, Iterable<OutboundRoute> ending, String detail) {
        for (OutboundRoute route : ending) {
            if (route.state() == OutboundRoute.State.ESTABLISHED) {
                report(aftermath, Kind.STREAM_CLOSED, route.localDomain(), Optional.of(methodOf(route)), detail);
            }
        }
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean takesStanzas() {
        return state != SessionState.CLOSED;
    }

    @Override
    public Optional<String> acceptedDomain() {
        return routes.established().stream().findFirst();
    }

    @Override
    public boolean streamManagementOffered() {
        return streamManagementOffered;
    }

    @Override
    public void broken(String reason) {
        failed(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, reason);
    }

    synchronized SessionInfo info() {
        List<String> established = routes.established();
        Optional<InetSocketAddress> address = channel != null && channel.remoteAddress() instanceof InetSocketAddress remote
                ? Optional.of(remote) : Optional.empty();
        return new SessionInfo(id, SessionDirection.OUTBOUND, Set.copyOf(established), Set.of(remoteDomain),
                address, authMethod, state, 0, writer.written(), openedAt, tls);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
