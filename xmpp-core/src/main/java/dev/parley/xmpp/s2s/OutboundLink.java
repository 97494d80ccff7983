package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Called from the host's threads ({@link #send}) and the stream's event loop (the events), so
 * state is guarded by this object's lock. Bounces are handed to the host only after the lock is
 * released, so that a host that sends from its listener cannot deadlock the engine.
 */
final class OutboundLink implements OutboundStreamEvents {

    private static final System.Logger LOG = System.getLogger(OutboundLink.class.getName());

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
    private final Consumer<OutboundLink> onClosed;
    private final Instant openedAt;
    private final Map<String, OutboundRoute> routes = new LinkedHashMap<>();
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
                 FailureLog failures, Consumer<OutboundLink> onClosed, Instant openedAt) {
        this.remoteDomain = remoteDomain;
        this.headerDomain = headerDomain;
        this.queueBound = config.queueBound();
        this.dialbackTimeout = config.dialbackTimeout();
        this.keys = keys;
        this.bouncer = bouncer;
        this.failures = failures;
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
                write(stanza);
                channel.flush();
                return true;
            }
            if (!route.offer(stanza)) {
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
                headerRoute.markRequested();
                headerRoute.establish().forEach(this::write);
                channel.flush();
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
                    route.establish().forEach(this::write);
                    channel.flush();
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

    /** Ends the stream on shutdown; what still waits is bounced with {@code remote-server-timeout}. */
    void shutdown() {
        Channel open;
        synchronized (this) {
            open = state == SessionState.CLOSED ? null : channel;
        }
        end(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "this server is shutting down");
        if (open != null) {
            OutboundStreamHandler.close(open);
        }
    }

    private void end(StanzaErrorCondition condition, String reason) {
        List<Undeliverable> bounced = new ArrayList<>();
        boolean pending = false;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            state = SessionState.CLOSED;
            for (OutboundRoute route : routes.values()) {
                pending |= route.state() == OutboundRoute.State.PENDING;
                route.drain().forEach(stanza -> bounced.add(new Undeliverable(stanza, condition, reason)));
            }
            routes.clear();
        }
        onClosed.accept(this);
        if (pending) {
            LOG.log(Level.INFO, "S2S session to {0} failed: {1}", remoteDomain, reason);
            failures.record(remoteDomain, reason);
        }
        if (channel != null) {
            channel.close();
        }
        bounce(bounced);
    }

    /** Forgets {@code route} and returns its stanzas for bouncing; ends the link if nothing else uses it. Under the lock. */
    private List<Undeliverable> failRoute(OutboundRoute route, StanzaErrorCondition condition, String reason) {
        LOG.log(Level.INFO, "S2S session {0} -> {1} failed: {2}", route.localDomain(), remoteDomain, reason);
        failures.record(remoteDomain, reason);
        routes.remove(route.localDomain());
        List<Undeliverable> bounced = new ArrayList<>();
        route.drain().forEach(stanza -> bounced.add(new Undeliverable(stanza, condition, reason)));
        if (routes.isEmpty()) {
            state = SessionState.CLOSED;
            onClosed.accept(this);
            OutboundStreamHandler.close(channel);
        }
        return bounced;
    }

    private void write(XmlElement stanza) {
        stanzasOut++;
        channel.write(XmlWriter.write(stanza, ServerStreams.SCOPE));
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
