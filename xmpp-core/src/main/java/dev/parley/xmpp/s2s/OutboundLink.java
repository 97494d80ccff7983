package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One outbound stream to a remote domain and the local domains authenticated on it by dialback:
 * the first one named in our header, the others piggy-backed (XEP-0220 §4). Each local domain has
 * an {@link OutboundRoute} whose stanzas wait in order until the receiving server answers our
 * {@code db:result} with valid. Whatever cannot be delivered is bounced; nothing is dropped.
 *
 * <p>Once a route is established its stanzas go to the link's outgoing queue, which the stream's
 * event loop drains: as many as the channel takes while it is writable, then one flush, so that a
 * burst costs one write to the socket rather than one per stanza. When the peer reads slower than
 * we send, the channel stops being writable and the queue holds the rest, in order; past
 * {@link EngineConfig#queueBound()} stanzas more are bounced with {@code resource-constraint}
 * instead of growing Netty's outbound buffer without limit. Draining resumes once what was
 * written has reached the socket.
 *
 * <p>Called from the host's threads ({@link #send}) and the stream's event loop (the events), so
 * state is guarded by this object's lock. Bounces are handed to the host only after the lock is
 * released, so that a host that sends from its listener cannot deadlock the engine.
 */
final class OutboundLink implements OutboundStreamEvents {

    private static final System.Logger LOG = System.getLogger(OutboundLink.class.getName());

    /** How many stanzas one drain takes from the queue under the lock before writing them. */
    private static final int DRAIN_BATCH = 64;

    /** An undeliverable stanza, bounced once the lock is released. */
    private record Undeliverable(XmlElement stanza, StanzaErrorCondition condition, String reason) {
    }

    private final String remoteDomain;
    private final String headerDomain;
    private final int queueBound;
    private final Duration dialbackTimeout;
    private final DialbackKeys keys;
    private final Bouncer bouncer;
    private final FailureLog failures;
    private final RetryBackoff backoff;
    private final Consumer<OutboundLink> onClosed;
    private final Instant openedAt;
    private final Map<String, OutboundRoute> routes = new LinkedHashMap<>();
    /** Stanzas of established routes not yet written to the channel, oldest first. */
    private final ArrayDeque<XmlElement> outgoing = new ArrayDeque<>();
    /** A drain is queued on the event loop, or one waits for written stanzas to reach the socket. */
    private boolean draining;
    /** The latest stanza handed to the channel; only the event loop touches it. */
    private ChannelFuture lastWrite;
    private SessionState state = SessionState.CONNECTING;
    private Channel channel;
    private String streamId;
    private Optional<TlsDetails> tls = Optional.empty();
    private AuthMethod authMethod = AuthMethod.DIALBACK;
    private boolean dialbackOffered;
    private long stanzasOut;

    /**
     * @param headerDomain the local domain that asked first; our stream header names it
     * @param onClosed     called once when the link can take no more stanzas, to forget it
     */
    OutboundLink(String remoteDomain, String headerDomain, EngineConfig config, DialbackKeys keys, Bouncer bouncer,
                 FailureLog failures, RetryBackoff backoff, Consumer<OutboundLink> onClosed, Instant openedAt) {
        this.remoteDomain = remoteDomain;
        this.headerDomain = headerDomain;
        this.queueBound = config.queueBound();
        this.dialbackTimeout = config.dialbackTimeout();
        this.keys = keys;
        this.bouncer = bouncer;
        this.failures = failures;
        this.backoff = backoff;
        this.onClosed = onClosed;
        this.openedAt = openedAt;
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
     * Sends {@code stanza} from {@code localDomain}, or queues it until that domain is authenticated.
     * False when this link is closed and a new one must be opened.
     */
    boolean send(String localDomain, XmlElement stanza) {
        List<Undeliverable> refused = List.of();
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return false;
            }
            OutboundRoute route = routes.computeIfAbsent(localDomain, domain -> new OutboundRoute(domain, queueBound));
            if (route.state() == OutboundRoute.State.ESTABLISHED) {
                if (outgoing.size() >= queueBound) {
                    refused = List.of(new Undeliverable(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                            queueBound + " stanzas are already waiting for " + remoteDomain + " to read"));
                } else {
                    outgoing.add(stanza);
                    scheduleDrain();
                }
            } else if (!route.offer(stanza)) {
                refused = List.of(new Undeliverable(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                        queueBound + " stanzas are already waiting for the connection to " + remoteDomain));
            } else if (streamId != null && !route.requested()) {
                refused = authenticateFurther(route);
            }
        }
        bounce(refused);
        return true;
    }

    @Override
    public void ready(Channel negotiated, NegotiatedStream stream) {
        List<Undeliverable> bounced = new ArrayList<>();
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            channel = negotiated;
            streamId = stream.streamId();
            tls = stream.tls();
            dialbackOffered = stream.dialbackOffered();
            state = SessionState.NEGOTIATING;
            OutboundRoute headerRoute = routes.get(headerDomain);
            if (stream.saslAuthenticated() && headerRoute != null) {
                // SASL EXTERNAL authenticated the domain in our header; the others piggy-back by dialback.
                authMethod = AuthMethod.SASL_EXTERNAL;
                backoff.succeeded(remoteDomain);
                headerRoute.markRequested();
                outgoing.addAll(headerRoute.establish());
                scheduleDrain();
                state = SessionState.AUTHENTICATED;
            }
            for (OutboundRoute route : List.copyOf(routes.values())) {
                if (!route.requested() && state != SessionState.CLOSED) {
                    bounced.addAll(authenticateFurther(route));
                }
            }
        }
        bounce(bounced);
    }

    /**
     * Authenticates a route's domain by dialback, unless SASL EXTERNAL authenticated the stream and
     * the peer offers no dialback: then no other domain can ever be authenticated on it, and the
     * route fails at once instead of at the dialback timeout. Without SASL a db:result is sent even
     * when not advertised, as servers from before XEP-0220's feature still answer it. Under the lock.
     */
    private List<Undeliverable> authenticateFurther(OutboundRoute route) {
        if (authMethod == AuthMethod.SASL_EXTERNAL && !dialbackOffered) {
            return failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " authenticated only "
                    + headerDomain + " (by SASL EXTERNAL) and offers no dialback to authenticate " + route.localDomain());
        }
        requestDialback(route);
        return List.of();
    }

    /** Our {@code db:result} for the route's domain, with its own deadline. Called under the lock. */
    private void requestDialback(OutboundRoute route) {
        route.markRequested();
        String key = keys.key(remoteDomain, route.localDomain(), streamId);
        channel.writeAndFlush(XmlWriter.write(Dialback.resultRequest(route.localDomain(), remoteDomain, key), ServerStreams.SCOPE));
        channel.eventLoop().schedule(() -> dialbackTimedOut(route), dialbackTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void dialbackTimedOut(OutboundRoute route) {
        List<Undeliverable> bounced;
        synchronized (this) {
            if (routes.get(route.localDomain()) != route || route.state() != OutboundRoute.State.PENDING) {
                return;
            }
            bounced = failRoute(route, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                    remoteDomain + " did not answer our dialback request within " + seconds(dialbackTimeout));
        }
        bounce(bounced);
    }

    @Override
    public void received(XmlElement element) {
        Optional<DialbackType> type = element.attribute("type").flatMap(DialbackType::parse);
        Optional<String> to = element.attribute("to");
        if (!Dialback.isResult(element) || type.isEmpty() || to.isEmpty()) {
            LOG.log(Level.DEBUG, "ignoring <{0}/> from {1} on an outbound stream", element.name(), remoteDomain);
            return;
        }
        List<Undeliverable> bounced = List.of();
        synchronized (this) {
            OutboundRoute route = routes.get(Domains.canonical(to.get()));
            if (route == null || route.state() != OutboundRoute.State.PENDING) {
                return;
            }
            switch (type.get()) {
                case VALID -> {
                    LOG.log(Level.INFO, "{0} accepted {1} by dialback", remoteDomain, route.localDomain());
                    backoff.succeeded(remoteDomain);
                    outgoing.addAll(route.establish());
                    scheduleDrain();
                    state = SessionState.AUTHENTICATED;
                }
                case INVALID -> bounced = failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                        remoteDomain + " did not accept " + route.localDomain() + " (dialback key found invalid)");
                case ERROR -> bounced = failRoute(route, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                        remoteDomain + " refused dialback for " + route.localDomain() + " with the error " + condition(element));
            }
        }
        bounce(bounced);
    }

    @Override
    public void failed(StanzaErrorCondition condition, String reason) {
        end(condition, reason);
    }

    @Override
    public void closed() {
        end(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                "the connection to " + remoteDomain + " was lost before the session was authenticated");
    }

    /**
     * Ends the stream on shutdown: what an established route queued is written before our closing
     * tag; what waits for a session is bounced with {@code remote-server-timeout}.
     */
    void shutdown() {
        Channel open;
        List<XmlElement> unsent = List.of();
        synchronized (this) {
            open = state == SessionState.CLOSED ? null : channel;
            if (open != null && !outgoing.isEmpty()) {
                unsent = List.copyOf(outgoing);
                stanzasOut += unsent.size();
                outgoing.clear();
            }
        }
        if (!unsent.isEmpty()) {
            // the channel keeps the order of these writes and of the closing tag that follows
            unsent.forEach(stanza -> open.write(XmlWriter.write(stanza, ServerStreams.SCOPE))
                    .addListener(written -> bounceIfFailed(stanza, written)));
            open.flush();
        }
        if (open != null) {
            // Before end(), which closes the connection: a closing tag written after that is lost.
            ServerStreams.close(open);
        }
        end(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "this server is shutting down");
    }

    /**
     * Stops sending from {@code localDomains} (canonical form), which this server no longer serves:
     * their waiting and queued stanzas are bounced with {@code remote-server-timeout}. Piggy-backed
     * domains authenticated on their own go on; a link left with none ends with {@code </stream:stream>}.
     */
    void dropLocalDomains(Set<String> localDomains) {
        List<Undeliverable> bounced = new ArrayList<>();
        boolean ended = false;
        Channel closing = null;
        synchronized (this) {
            if (state == SessionState.CLOSED || localDomains.stream().noneMatch(routes::containsKey)) {
                return;
            }
            for (String domain : localDomains) {
                OutboundRoute route = routes.remove(domain);
                if (route != null) {
                    route.drain().forEach(stanza -> bounced.add(new Undeliverable(stanza,
                            StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, domain + " is no longer served by this server")));
                }
            }
            outgoing.removeIf(stanza -> {
                String from = Jid.parse(stanza.attribute("from").orElseThrow()).domainpart();
                boolean dropped = localDomains.contains(from);
                if (dropped) {
                    bounced.add(new Undeliverable(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                            from + " is no longer served by this server"));
                }
                return dropped;
            });
            if (routes.isEmpty()) {
                state = SessionState.CLOSED;
                ended = true;
                closing = channel;
            }
        }
        if (ended) {
            onClosed.accept(this);
            if (closing != null) {
                ServerStreams.close(closing);
            }
        }
        bounce(bounced);
    }

    /**
     * Nothing but pings for the idle timeout: forgets this link before its stream closes, so that a
     * stanza sent meanwhile opens a new stream instead of going to a closing one. A link with
     * stanzas or a dialback still under way is not idle, whatever the timer says.
     */
    @Override
    public void idle(Channel idleChannel) {
        synchronized (this) {
            if (state != SessionState.AUTHENTICATED || !outgoing.isEmpty()
                    || routes.values().stream().anyMatch(route -> route.state() == OutboundRoute.State.PENDING)) {
                return;
            }
            state = SessionState.CLOSED;
        }
        LOG.log(Level.INFO, "closing the idle S2S session to {0}", remoteDomain);
        onClosed.accept(this);
        // Queued behind whatever the host's threads handed to the event loop before the state changed.
        idleChannel.eventLoop().execute(() -> ServerStreams.close(idleChannel));
    }

    /** Whether stanzas flow on this link (a drain on shutdown waits only for such links). */
    synchronized boolean authenticated() {
        return state == SessionState.AUTHENTICATED;
    }

    /**
     * Whether anything accepted for this link is not yet on the wire: stanzas waiting in a route or
     * the outgoing queue, or bytes in Netty's outbound buffer (only the transport's own buffer
     * says that; closing the channel would discard them).
     */
    synchronized boolean hasUnsent() {
        if (state == SessionState.CLOSED) {
            return false;
        }
        if (!outgoing.isEmpty() || routes.values().stream().anyMatch(OutboundRoute::hasWaiting)) {
            return true;
        }
        ChannelOutboundBuffer buffer = channel == null ? null : channel.unsafe().outboundBuffer();
        return buffer != null && buffer.totalPendingWriteBytes() > 0;
    }

    private void end(StanzaErrorCondition condition, String reason) {
        List<Undeliverable> bounced = new ArrayList<>();
        boolean pending = false;
        boolean opened;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            opened = state == SessionState.AUTHENTICATED;
            state = SessionState.CLOSED;
            for (OutboundRoute route : routes.values()) {
                pending |= route.state() == OutboundRoute.State.PENDING;
                route.drain().forEach(stanza -> bounced.add(new Undeliverable(stanza, condition, reason)));
            }
            routes.clear();
            String unwritten = "the stream to " + remoteDomain + " ended before the stanza was sent: " + reason;
            outgoing.forEach(stanza -> bounced.add(new Undeliverable(stanza, condition, unwritten)));
            outgoing.clear();
        }
        onClosed.accept(this);
        if (pending) {
            LOG.log(Level.INFO, "S2S session to {0} failed: {1}", remoteDomain, reason);
            failures.record(remoteDomain, opened ? reason : backoff.failed(remoteDomain, condition, reason).text());
        }
        if (channel != null) {
            channel.close();
        }
        bounce(bounced);
    }

    /** Forgets {@code route} and returns its stanzas for bouncing; ends the link if nothing else uses it. Under the lock. */
    private List<Undeliverable> failRoute(OutboundRoute route, StanzaErrorCondition condition, String reason) {
        LOG.log(Level.INFO, "S2S session {0} -> {1} failed: {2}", route.localDomain(), remoteDomain, reason);
        boolean lastHope = state != SessionState.AUTHENTICATED && routes.keySet().equals(Set.of(route.localDomain()));
        failures.record(remoteDomain, lastHope ? backoff.failed(remoteDomain, condition, reason).text() : reason);
        routes.remove(route.localDomain());
        List<Undeliverable> bounced = new ArrayList<>();
        route.drain().forEach(stanza -> bounced.add(new Undeliverable(stanza, condition, reason)));
        if (routes.isEmpty()) {
            state = SessionState.CLOSED;
            onClosed.accept(this);
            ServerStreams.close(channel);
        }
        return bounced;
    }

    /** Has the event loop drain the outgoing queue, unless a drain is already on its way. Under the lock. */
    private void scheduleDrain() {
        if (!draining && !outgoing.isEmpty()) {
            draining = true;
            channel.eventLoop().execute(this::drain);
        }
    }

    /**
     * On the event loop: writes queued stanzas while the channel is writable, then flushes once.
     * When it stops being writable, flushes what was written and continues once the last of it has
     * reached the socket; meanwhile {@link #send} queues, up to the bound.
     */
    private void drain() {
        List<XmlElement> batch = new ArrayList<>(DRAIN_BATCH);
        Channel out;
        synchronized (this) {
            out = channel;
        }
        boolean wrote = false;
        boolean stopped;
        while (true) {
            boolean writable = out.isWritable();
            synchronized (this) {
                if (state == SessionState.CLOSED || outgoing.isEmpty() || !writable || !out.isActive()) {
                    // stopped by the peer: resumed below; otherwise the next send schedules anew,
                    // and a closed stream bounces what is left (end)
                    stopped = state != SessionState.CLOSED && !outgoing.isEmpty() && out.isActive();
                    draining = stopped;
                    break;
                }
                for (int i = 0; i < DRAIN_BATCH && !outgoing.isEmpty(); i++) {
                    batch.add(outgoing.poll());
                }
                stanzasOut += batch.size();
            }
            for (XmlElement stanza : batch) {
                lastWrite = out.write(XmlWriter.write(stanza, ServerStreams.SCOPE));
                lastWrite.addListener(written -> bounceIfFailed(stanza, written));
            }
            batch.clear();
            wrote = true;
        }
        if (wrote) {
            out.flush();
        }
        if (stopped) {
            if (lastWrite != null && !lastWrite.isDone()) {
                lastWrite.addListener(written -> drain());
            } else {
                // not writable for writes other than ours (or already written): look again shortly
                out.eventLoop().schedule(this::drain, 1, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * A stanza taken from the queue is no longer bounced by {@link #end}; if its write fails (the
     * connection broke, an encoder failed) it would be lost, so it is bounced here.
     */
    private void bounceIfFailed(XmlElement stanza, Future<?> written) {
        if (!written.isSuccess()) {
            Throwable cause = written.cause();
            bouncer.bounce(stanza, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the connection to " + remoteDomain
                    + " failed while sending: " + Objects.toString(cause.getMessage(), cause.getClass().getSimpleName()));
        }
    }

    private void bounce(List<Undeliverable> undeliverable) {
        undeliverable.forEach(u -> bouncer.bounce(u.stanza(), u.condition(), u.reason()));
    }

    synchronized SessionInfo info() {
        List<String> established = routes.values().stream()
                .filter(route -> route.state() == OutboundRoute.State.ESTABLISHED)
                .map(OutboundRoute::localDomain).toList();
        Optional<InetSocketAddress> address = channel != null && channel.remoteAddress() instanceof InetSocketAddress remote
                ? Optional.of(remote) : Optional.empty();
        return new SessionInfo(SessionDirection.OUTBOUND, Set.copyOf(established), Set.of(remoteDomain),
                address, authMethod, state, 0, stanzasOut, openedAt, tls);
    }

    private static String condition(XmlElement answer) {
        return answer.elements().stream().filter(child -> child.name().equals("error"))
                .flatMap(error -> error.elements().stream()).map(XmlElement::name).findFirst().orElse("undefined-condition");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
