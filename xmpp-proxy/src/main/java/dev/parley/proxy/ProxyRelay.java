package dev.parley.proxy;

import dev.parley.xmpp.component.ComponentHost;
import dev.parley.xmpp.component.ComponentLink;
import dev.parley.xmpp.component.ComponentListener;
import dev.parley.xmpp.component.ProxyPolicy;
import dev.parley.xmpp.component.ProxyStatus;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.StanzaListener;
import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The proxy's switchboard between its two sides: what remote servers send to Parley's domain goes over the link to
 * Parley; what Parley sends over the link goes to the engine, which holds the S2S streams. Nothing is dropped
 * silently: a stanza that cannot go on is answered with an error to its sender.
 */
final class ProxyRelay implements ComponentHost, StanzaListener {

    private static final System.Logger LOG = System.getLogger(ProxyRelay.class.getName());
    static final String NO_LINK = "the server of this domain is not connected to its XMPP proxy at the moment;"
            + " try again later";
    static final String NOT_KEEPING_UP = "the server of this domain is not keeping up at the moment; try again later";
    static final String STOPPING = "the XMPP proxy of this domain is stopping; try again later";

    private final Clock clock;
    /** Where stanzas from Parley go: the engine's submit, set once it has started. */
    private volatile Function<XmlElement, CompletionStage<Delivery>> outbound;
    /** Where replies to remote servers go: the engine's send. */
    private volatile Consumer<XmlElement> replies;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Where Parley's policy goes: the engine's reconfiguration, set once it has started. */
    private volatile Consumer<ProxyPolicy> policies = policy -> { };
    /** Where Parley's requests to close a session go, off the link's thread (closing waits for the stream's end). */
    private volatile Consumer<String> sessionCloser = id -> { };
    private volatile ComponentLink link;
    /** Where stanzas for Parley go: the link listener, which keeps them in order until Parley has them. */
    private volatile ComponentListener toParley;
    /** Once stopping, nothing more is taken from either side. */
    private volatile boolean stopping;
    private volatile LinkReport report;

    ProxyRelay(Clock clock) {
        this.clock = clock;
        this.report = new LinkReport(false, clock.instant(), Optional.of("Parley has not connected yet"));
    }

    /**
     * Starts passing Parley's stanzas to {@code engine}, Parley's policies to {@code applyPolicy} and its requests to
     * close a session to {@code closeSession}.
     */
    void sendThrough(S2sEngine engine, Consumer<ProxyPolicy> applyPolicy, Consumer<String> closeSession) {
        this.policies = applyPolicy;
        this.sessionCloser = closeSession;
        this.replies = engine::send;
        this.outbound = engine::submit;
    }

    /** Starts passing remote servers' stanzas to Parley through {@code listener}. */
    void deliverThrough(ComponentListener listener) {
        this.toParley = listener;
    }

    /**
     * Takes nothing more: what Parley sends from now on stays with Parley, which sends it again on its next link;
     * what remote servers send is answered with {@code service-unavailable}.
     */
    void stopTaking() {
        stopping = true;
    }

    /** Tells Parley, when linked, what happened to an S2S stream: it keeps the audit trail. */
    void report(FederationEvent event) {
        ComponentLink current = link;
        if (current != null) {
            current.report(event);
        }
    }

    /** Tells Parley, when linked, which S2S sessions are open and which domains failed lately: its status shows them. */
    void report(ProxyStatus status) {
        ComponentLink current = link;
        if (current != null) {
            current.report(status);
        }
    }

    /** The link as the health endpoint reports it. */
    LinkReport linkReport() {
        return report;
    }

    /** The engine's bounces of what the proxy could not deliver: for Parley's users, like any stanza. */
    @Override
    public void onStanza(XmlElement stanza) {
        onStanza(stanza, () -> { });
    }

    /**
     * From a remote server, to Parley's domain: over the link, waiting for it while it is down; back to its sender
     * when it waited too long, when too many wait, or when the proxy is stopping. Taken once Parley acknowledged it
     * (Parley does so once the stanza is on its queue) or its sender was answered: until then the engine holds the
     * remote server's pings, and stops reading from it while too many of its stanzas wait, as it would in Parley.
     */
    @Override
    public void onStanza(XmlElement stanza, Runnable taken) {
        ComponentListener listener = toParley;
        if (listener == null || stopping) {
            answer(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, listener == null ? NO_LINK : STOPPING,
                    this::toRemote);
            taken.run();
        } else if (!listener.send(stanza, fate -> {
            try {
                if (fate instanceof Delivery.Bounced) {
                    answer(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, stopping ? STOPPING : NO_LINK,
                            this::toRemote);
                }
            } finally {
                taken.run();
            }
        })) {
            answer(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT, NOT_KEEPING_UP, this::toRemote);
            taken.run();
        }
    }

    /**
     * From Parley, to a remote domain: to the engine, which queues it for the domain's session; Parley hears what
     * became of it once the engine knows (written to the remote server, or why not). Once stopping, nothing is taken.
     */
    @Override
    public Optional<CompletionStage<Delivery>> stanza(ComponentLink from, XmlElement stanza) {
        Function<XmlElement, CompletionStage<Delivery>> engine = outbound;
        if (stopping) {
            return Optional.empty();
        }
        if (engine == null) {
            return Optional.of(CompletableFuture.completedFuture(new Delivery.Bounced(
                    StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the XMPP proxy is starting")));
        }
        try {
            inFlight.incrementAndGet();
            return Optional.of(engine.apply(stanza).whenComplete((delivery, failure) -> inFlight.decrementAndGet()));
        } catch (IllegalArgumentException e) {
            inFlight.decrementAndGet();
            return Optional.of(CompletableFuture.completedFuture(new Delivery.Bounced(
                    StanzaErrorCondition.BAD_REQUEST, e.getMessage())));
        } catch (IllegalStateException e) {
            // The engine closed under it: not taken, so Parley sends it again to the proxy it links to next.
            inFlight.decrementAndGet();
            return Optional.empty();
        }
    }

    /** Stanzas from Parley the engine has not settled yet. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void linkUp(ComponentLink up) {
        link = up;
        report = new LinkReport(true, up.since(), Optional.empty());
        LOG.log(Level.INFO, "Parley linked from {0} for {1}", up.remoteAddress(), up.domain());
    }

    @Override
    public void linkDown(ComponentLink down, String reason) {
        // A link replaced by a new one ends after its successor came up: only the current one's end counts.
        if (link == down) {
            link = null;
            report = new LinkReport(false, clock.instant(), Optional.of(reason));
        }
        LOG.log(Level.WARNING, "The link from Parley at {0} ended: {1}", down.remoteAddress(), reason);
    }

    /**
     * Applied on the link's thread, before anything Parley sends after it: a stanza to a domain the policy has just
     * authorized must not meet the policy before it.
     */
    @Override
    public void policy(ComponentLink from, ProxyPolicy policy) {
        try {
            policies.accept(policy);
            LOG.log(Level.INFO, "Parley''s policy applied: {0}", policy);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Parley's policy could not be applied; the one before stays", e);
        }
    }

    @Override
    public void closeSession(ComponentLink from, String id) {
        LOG.log(Level.INFO, "Parley asks to close the session {0}", id);
        sessionCloser.accept(id);
    }

    @Override
    public void refused(SocketAddress peer, String reason) {
        // The reason never holds the secret, nor what was sent for it.
        LOG.log(Level.WARNING, "Refused a link from {0}: {1}", peer, reason);
    }

    private void toRemote(XmlElement reply) {
        Consumer<XmlElement> engine = replies;
        if (engine != null) {
            engine.accept(reply);
        }
    }

    private static void answer(XmlElement stanza, StanzaErrorCondition condition, String text,
                               Consumer<XmlElement> replyTo) {
        Optional<XmlElement> reply = Bounces.reply(stanza, StanzaError.of(condition, text));
        if (reply.isEmpty()) {
            // An error is never answered with an error (RFC 6120 §8.3.1); this one can only be recorded.
            LOG.log(Level.WARNING, "An error stanza from {0} to {1} could not be passed on: {2}",
                    stanza.attribute("from").orElse("-"), stanza.attribute("to").orElse("-"), text);
            return;
        }
        try {
            replyTo.accept(reply.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not answer a stanza from " + stanza.attribute("from").orElse("-") + " ("
                    + condition.elementName() + ": " + text + ")", e);
        }
    }

    /**
     * The link as the proxy saw it last.
     *
     * @param up      whether Parley is linked
     * @param since   since when
     * @param problem while down, why
     */
    record LinkReport(boolean up, Instant since, Optional<String> problem) {
    }
}
