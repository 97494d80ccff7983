package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.TrustStore;
import dev.parley.xmpp.xml.XmlCharacters;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The S2S engine as its hosts (the resource adapter, the DMZ proxy) see it: accepts streams from
 * remote servers and delivers their stanzas to a {@link StanzaListener}; sends local stanzas to
 * remote domains over sessions it opens on demand, encrypted per the TLS policy (STARTTLS, direct
 * TLS) and authenticated by SASL EXTERNAL (XEP-0178) or Server Dialback (XEP-0220), and returns
 * what cannot be delivered to the sender as an error stanza through the same listener (or, for
 * {@link #submit}, reports each stanza's {@link Delivery}). Federates only with the remote domains
 * the configuration's {@link RemoteDomainPolicy} allows, and reports streams opened, closed and
 * refused, and connections that failed, to a {@link FederationEventListener}.
 *
 * <p>Inbound and outbound share one pair of I/O threads, enough for federation on a two-core host.
 */
public final class S2sEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(S2sEngine.class.getName());
    /** As many failures as an administrator reads at a glance. */
    private static final int REMEMBERED_FAILURES = 50;
    /** Why a stream ended when an administrator closed it, as its closed events say. */
    static final String CLOSED_BY_ADMINISTRATOR = "closed by an administrator";
    /**
     * How many stanzas from remote servers the host may have not taken yet ({@link StanzaListener#onStanza(
     * XmlElement, Runnable)}) before the engine stops reading from the streams that send more; a host that queues
     * stanzas sizes its queues for this many.
     */
    public static final int MOST_UNTAKEN_STANZAS = 2_000;

    private final EventLoopGroup group;
    private final Clock clock = Clock.systemUTC();
    private final DialbackKeys keys;
    private final StanzaListener stanzaListener;
    private final ServerPings pings = new ServerPings();
    private final FailureLog failures = new FailureLog(REMEMBERED_FAILURES, clock);
    private final FederationEvents events;
    /** Engine-wide, reading the current policy, so that streams of every generation follow the latest one. */
    private final InboundFederationPolicy inboundPolicy;
    /** Shared by the plain and the direct-TLS listener, and by their successors after {@link #reconfigure}. */
    private final InboundConnectionLimit inboundLimit =
            new InboundConnectionLimit(() -> this.settings.get().config().inbound());
    private final Set<InboundSession> inbound = ConcurrentHashMap.newKeySet();
    /** Engine-wide, shared by every generation's streams. */
    private final InboundBacklogs backlogs = new InboundBacklogs();
    /** One counter for both directions, so that an id names one session whichever way it goes. */
    private final SessionIds sessionIds = new SessionIds();
    /** The current generation; streams read it once when they start, {@link #reconfigure} replaces it whole. */
    private final AtomicReference<EngineSettings> settings = new AtomicReference<>();
    private final OutboundSessions outbound;
    /** Serializes {@link #reconfigure} and {@link #close()}, which swap and close the listeners. */
    private final Object lifecycle = new Object();
    private volatile S2sListener listener;
    private volatile Optional<S2sListener> directTlsListener = Optional.empty();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The listeners are closed for good ({@link #closeInbound()} or {@link #close()}); under {@link #lifecycle}. */
    private boolean inboundClosed;

    private S2sEngine(EngineConfig config, StanzaListener stanzaListener, FederationEventListener eventListener,
                      EventLoopGroup group) {
        this.group = group;
        this.stanzaListener = stanzaListener;
        this.events = new FederationEvents(event -> {
            noticeLife(event);
            eventListener.onEvent(event);
        }, clock);
        this.inboundPolicy = new InboundFederationPolicy(() -> config().remoteDomains(), failures);
        this.keys = config.dialbackSecret().map(DialbackKeys::new).orElseGet(DialbackKeys::random);
        this.outbound = new OutboundSessions(settings::get, keys, group, new Bouncer(stanzaListener), failures, events,
                sessionIds, pings, clock);
        settings.set(settingsFor(config));
    }

    /**
     * A remote domain that has just authenticated a stream to us by dialback is up again, whatever our last attempt to
     * reach it said (a certificate it has replaced since, a restart): stanzas for it are tried at once instead of
     * bouncing until the back-off ends. Dialback proves that we reached its authoritative server to verify it; SASL
     * EXTERNAL proves only that it reached us, which a one-way firewall allows.
     */
    private void noticeLife(FederationEvent event) {
        if (event.kind() == FederationEvent.Kind.STREAM_OPENED && event.direction() == SessionDirection.INBOUND
                && event.authMethod().filter(method -> method == AuthMethod.DIALBACK).isPresent()) {
            outbound.alive(event.remoteDomain());
        }
    }

    /**
     * Starts listening and becomes ready to send, reporting no {@link FederationEvent}s.
     *
     * @throws ListenerBindException    when the listener's address and port cannot be bound
     * @throws IllegalArgumentException when a credential in {@code config.tls()} cannot be used
     */
    public static S2sEngine start(EngineConfig config, StanzaListener stanzaListener) {
        return start(config, stanzaListener, FederationEventListener.ignoring());
    }

    /**
     * Starts listening and becomes ready to send; streams opened, closed and refused, and outbound connections that
     * failed, are reported to {@code eventListener}.
     *
     * @throws ListenerBindException    when the listener's address and port cannot be bound
     * @throws IllegalArgumentException when a credential in {@code config.tls()} cannot be used
     */
    public static S2sEngine start(EngineConfig config, StanzaListener stanzaListener,
                                  FederationEventListener eventListener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stanzaListener, "stanzaListener");
        Objects.requireNonNull(eventListener, "eventListener");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("parley-s2s-io"),
                NioIoHandler.newFactory());
        try {
            S2sEngine engine = new S2sEngine(config, stanzaListener, eventListener, group);
            engine.listener = engine.bind(config.bindAddress(), config.port(), false);
            try {
                engine.directTlsListener = config.directTlsPort().map(port -> engine.bind(config.bindAddress(), port, true));
            } catch (RuntimeException e) {
                engine.listener.close();
                throw e;
            }
            return engine;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Builds one generation from {@code config}: TLS contexts, trust store, connector, inbound services. */
    private EngineSettings settingsFor(EngineConfig config) {
        S2sTls tls = new S2sTls(config.tls(), new CertificateVerifier(
                TrustStore.withDefaults(config.tls().extraTrustedCas()), clock), clock);
        OutboundConnector connector = new OutboundConnector(group, config.targetResolver(), config.hostResolver(),
                config.connectTimeout(), config.limits(), tls, config.health(), pings, config.privateFederation());
        InboundDialback services = new InboundDialback(keys, outbound, stanzaListener, backlogs, inbound, sessionIds, clock,
                tls, config.health(), pings,
                (local, remote, answer) -> {
                    CompletableFuture<Delivery> gone = new CompletableFuture<>();
                    outbound.send(local, remote, Outgoing.pingAnswer(answer, gone));
                    return gone;
                }, inboundPolicy, events);
        return new EngineSettings(config, connector, new InboundSettings(config.listenerConfig(), Optional.of(services)));
    }

    /** What an inbound connection accepted now is built with; the fuzz tests build one on an embedded channel. */
    InboundSettings inboundSettings() {
        return settings.get().inbound();
    }

    private S2sListener bind(InetAddress address, int port, boolean directTls) {
        return S2sListener.start(new InetSocketAddress(address, port), group, () -> settings.get().inbound(), directTls,
                inboundLimit);
    }

    /**
     * Sends a stanza to a remote domain: at once when its session is up, otherwise after it opens,
     * in the order sent. Stanzas that cannot be delivered come back through the listener as errors;
     * so do those to a remote domain the {@link RemoteDomainPolicy} refuses, at once and with
     * {@code not-allowed}, without any connection to it.
     *
     * @param stanza a {@code message}, {@code presence} or {@code iq} in {@code jabber:server} whose
     *               {@code from} is at a local domain and whose {@code to} is at a remote one
     * @throws IllegalArgumentException when the stanza is not such a stanza, its {@code from} or {@code to}
     *                                  is no valid JID (RFC 7622), the message naming the attribute and the rule; or
     *                                  when it holds a character XML 1.0 does not allow (such as U+0001, which an
     *                                  XML 1.1 document may carry), which no stream can carry, the message naming
     *                                  the character and where it is
     * @throws IllegalStateException    after {@link #close()}
     */
    public void send(XmlElement stanza) {
        enqueue(Outgoing.of(Objects.requireNonNull(stanza, "stanza")));
    }

    /**
     * Sends a stanza like {@link #send}, in order with the stanzas sent either way, but reports its fate only through
     * the returned stage: {@link Delivery.Acknowledged} once the remote server confirmed it (it answered a ping written
     * after it; a stream that breaks before that hands it on to the next), {@link Delivery.Written} when it was
     * written just before its stream ended in order for a reason that sending again would meet too,
     * {@link Delivery.Bounced} with the condition and text its error reply would have had when it cannot be delivered
     * (error stanzas included); nothing for it reaches the {@link StanzaListener}. The stage always completes, at the
     * latest when {@link #close()} bounces what is left. It may complete on an I/O thread, so what depends on it must
     * not block (or run on an executor of the host's, e.g. {@code thenAcceptAsync}).
     *
     * @param stanza as for {@link #send}
     * @throws IllegalArgumentException as for {@link #send}, and then nothing is sent
     * @throws IllegalStateException    after {@link #close()}
     */
    public CompletionStage<Delivery> submit(XmlElement stanza) {
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        enqueue(Outgoing.tracked(Objects.requireNonNull(stanza, "stanza"), fate));
        // The host may wait for the stage and chain on it, but never complete it in the engine's stead.
        return fate.minimalCompletionStage();
    }

    /**
     * Pings the server of {@code remoteDomain} from {@code localDomain} (XEP-0199, an {@code iq} of type {@code get}
     * between the two domains), for an administrator who wants to know whether federation with it works. The ping
     * goes the way real stanzas go: over the outbound session to the domain, opened as usual if there is none (DNS,
     * TLS per policy, SASL EXTERNAL or dialback), and only if the {@link RemoteDomainPolicy} allows the domain and it
     * is not in its retry back-off; the answer may come on that session or on the remote server's stream to us. Neither
     * the ping nor its answer ever reaches the {@link StanzaListener}, not even an answer that comes after the timeout.
     *
     * <p>The stage completes within {@code timeout} (on an I/O thread or the JDK's timer, so what depends on it must
     * not block): {@link PingOutcome.Answered} with the round trip and how the session authenticated our domain (an
     * {@code error} reply too: the server is alive), {@link PingOutcome.Unanswered} when the ping went out and nothing
     * came back, {@link PingOutcome.NotSent} with the condition and text its bounce would have had. A ping that could
     * not be sent within the timeout may still be sent when its session opens; its answer is then dropped.
     *
     * @param timeout for everything: opening the session if needed, and the answer
     * @throws IllegalArgumentException when {@code localDomain} is not served here, {@code remoteDomain} is (or either
     *                                  is no valid domain), or {@code timeout} is not positive
     * @throws IllegalStateException    after {@link #close()}
     */
    public CompletionStage<PingOutcome> ping(String localDomain, String remoteDomain, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        String local = domain(Objects.requireNonNull(localDomain, "localDomain"), "localDomain");
        String remote = domain(Objects.requireNonNull(remoteDomain, "remoteDomain"), "remoteDomain");
        RequestedPing ping = new RequestedPing(local, remote, timeout, pings);
        try {
            // The same checks and the same queue as every stanza, so the ping cannot take a way stanzas would not.
            enqueue(ping.stanza());
        } catch (RuntimeException e) {
            ping.withdraw();
            throw e;
        }
        return ping.start().minimalCompletionStage();
    }

    /** {@code text} as a canonical domain; not one, the caller's mistake. */
    private static String domain(String text, String parameter) {
        try {
            return Jid.ofDomain(text).domainpart();
        } catch (InvalidJidException e) {
            throw new IllegalArgumentException(parameter + " is not a valid domain: " + e.getMessage(), e);
        }
    }

    private void enqueue(Outgoing outgoing) {
        XmlElement stanza = outgoing.stanza();
        if (closed.get()) {
            throw new IllegalStateException("the S2S engine is closed");
        }
        if (!ServerStreams.isStanza(stanza)) {
            throw new IllegalArgumentException("only message, presence and iq in jabber:server can be sent, not <"
                    + stanza.name() + "/> in '" + stanza.namespace() + "'");
        }
        String localDomain = address(stanza, "from").domainpart();
        String remoteDomain = address(stanza, "to").domainpart();
        EngineSettings generation = settings.get();
        EngineConfig config = generation.config();
        if (!config.serves(localDomain)) {
            throw new IllegalArgumentException("'from' must be at a local domain, " + localDomain + " is not one");
        }
        if (config.serves(remoteDomain)) {
            throw new IllegalArgumentException("'to' must be at a remote domain, not " + remoteDomain);
        }
        // Refused here, on the host's thread, rather than failing where the stream's event loop writes it.
        XmlCharacters.requireWritable(stanza);
        outbound.send(localDomain, remoteDomain, outgoing);
        EngineSettings current = settings.get();
        if (current != generation) {
            // A reconfiguration ran while the stanza was being queued, perhaps after it dropped the local domain's
            // routes or refused the remote domain's session: applying that again bounces the stanza, never sends it.
            if (!current.config().serves(localDomain)) {
                outbound.dropLocalDomains(Set.of(Domains.canonical(localDomain)));
            }
            outbound.refuseRemoteDomains(current.config().remoteDomains());
        }
    }

    /** The {@code attribute} address of {@code stanza} as a JID; missing or malformed, the caller's mistake. */
    private static Jid address(XmlElement stanza, String attribute) {
        String text = stanza.attribute(attribute)
                .orElseThrow(() -> new IllegalArgumentException("the stanza has no '" + attribute + "'"));
        try {
            return Jid.parse(text);
        } catch (InvalidJidException e) {
            throw new IllegalArgumentException("'" + attribute + "' is not a valid JID: " + e.getMessage(), e);
        }
    }

    /** The listener's bound address, with the actual port when the configuration asked for 0. */
    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    /** The direct-TLS listener's bound address, if the configuration asked for one. */
    public Optional<InetSocketAddress> directTlsAddress() {
        return directTlsListener.map(S2sListener::localAddress);
    }

    /** The open sessions, inbound and outbound. */
    public List<SessionInfo> sessions() {
        List<SessionInfo> sessions = new ArrayList<>();
        inbound.forEach(session -> sessions.add(session.info()));
        sessions.addAll(outbound.sessions());
        return List.copyOf(sessions);
    }

    /**
     * Closes the session {@link SessionInfo#id() id} names at an administrator's request, gracefully: the stream ends
     * with {@code </stream:stream>} and no stream error, as an idle one does, so that the peer (or this server, for an
     * outbound session) may open a new one whenever there are stanzas to send. Its closed events say "closed by an
     * administrator".
     *
     * <p>Nothing queued on an outbound session is lost, just as at {@link #close()}: what it had accepted for
     * authenticated domains is written before the closing tag (should the peer not read it within a few seconds, the
     * connection is cut and those stanzas bounce with {@code remote-server-timeout}); stanzas still waiting for the
     * session to open, or for a piggy-backing domain's dialback, bounce at once with {@code remote-server-timeout},
     * a condition their senders may retry. The close is not a failure of the remote domain: it is neither recorded in
     * {@link #recentFailures()} nor backed off, and the next stanza for it opens a new session.
     *
     * <p>Returns once {@link #sessions()} no longer lists the session: at once for an outbound one; for an inbound one
     * when its connection is closed, which takes a few seconds at most (a peer that reads nothing is cut off). Not to
     * be called on the engine's I/O threads, such as from a {@link FederationEventListener}.
     *
     * @param id as {@link #sessions()} gave it
     * @return whether such a session was open; false for an id this engine never gave, one that has ended, and after
     *         {@link #close()}
     */
    public boolean closeSession(String id) {
        Objects.requireNonNull(id, "id");
        Optional<InboundSession> in = inbound.stream().filter(session -> session.id().equals(id)).findFirst();
        if (in.isEmpty()) {
            return outbound.closeByAdministrator(id);
        }
        // Bounded: the closing tag's grace, after which the connection is cut, and a moment for its listeners.
        in.get().end(CLOSED_BY_ADMINISTRATOR).toCompletableFuture()
                .completeOnTimeout(null, ServerStreams.CLOSE_GRACE.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return true;
    }

    /**
     * The most recent remote domains that could not be reached or refused us, and those whose authentication this
     * server refused because the {@link RemoteDomainPolicy} does not allow them; oldest first.
     */
    public List<ConnectionFailure> recentFailures() {
        return failures.recent();
    }

    /**
     * Stops receiving, the first step of a host's shutdown that must not lose inbound stanzas: once this returns, the
     * host can return what it still buffers to the senders as error stanzas through {@link #send}, then
     * {@link #close()}. Closes the listeners (their ports are free when this returns) and ends every inbound stream
     * with {@code system-shutdown}; returns once no inbound stanza will reach the {@link StanzaListener} any more: every
     * inbound connection is closed, and what its closing set off on the I/O threads (its session forgotten, its end
     * reported) has run. Bounces of outbound stanzas still reach the listener.
     *
     * <p>Outbound sessions go on, so {@link #send} and {@link #submit} still work. What needs a new connection from a
     * remote server fails, and its stanzas bounce as usual: a receiving server cannot verify our dialback key with us,
     * for a new session or a local domain piggy-backing on an open one, nor answer our keepalive pings over a stream
     * of its own.
     *
     * <p>Calling it again, or after {@link #close()}, does nothing; {@link #close()} still drains and ends the outbound
     * side afterwards. {@link #reconfigure} is refused from now on, since it could bind a listener anew.
     */
    public void closeInbound() {
        synchronized (lifecycle) {
            endInbound();
        }
    }

    /** Closes the listeners and so every inbound stream, once; under {@link #lifecycle}. */
    private void endInbound() {
        if (inboundClosed) {
            return;
        }
        inboundClosed = true;
        outbound.inboundClosed();
        listener.close();
        directTlsListener.ifPresent(S2sListener::close);
    }

    /**
     * Stops the engine, draining first. {@link #send} refuses new stanzas from the start; stanzas
     * waiting for a session that is not up are bounced with {@code remote-server-timeout} at once,
     * since such a session may take the whole dialback timeout to open; authenticated sessions get
     * up to {@link SessionHealth#drainTimeout()} to write what they have accepted and have it confirmed (inbound
     * streams still deliver meanwhile, and bring the receipts, unless {@link #closeInbound()} ended them; then only
     * the writing is waited for; dialback for a piggy-backing domain can still complete). What was written and is not
     * confirmed then is settled as {@link Delivery.Written}; what is left unwritten is bounced with
     * {@code remote-server-timeout} ("this server is shutting down"; for {@link #submit}ted stanzas,
     * their stage completes so), outbound streams are closed with {@code </stream:stream>} (a peer
     * that does not read it is cut off after a few seconds), and inbound streams end with
     * {@code system-shutdown}. Returns once the port is free.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (lifecycle) {
            EngineConfig config = config();
            outbound.drain(config.health().drainTimeout());
            outbound.shutdown();
            endInbound();
            // Stopping the event loops closes every connection still open before they run what is queued for it, so
            // the closing tags just handed to the outbound streams could be lost, and their peers would see the
            // connection drop instead of the stream closed (RFC 6120 §4.4). Bounded: the closing tag's grace, after
            // which the connection is cut anyway, and a moment for the close.
            outbound.awaitEnded(ServerStreams.CLOSE_GRACE.plusSeconds(1));
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            LOG.log(Level.INFO, "S2S engine for {0} stopped", config.localDomains());
        }
    }

    /** The configuration it runs with now: the one it started with, or the latest {@link #reconfigure} applied. */
    public EngineConfig config() {
        return settings.get().config();
    }

    /**
     * Applies an administrator's changes while the engine runs; all of {@code next} or, when it throws,
     * nothing. Safe to call while other threads {@link #send}; calls are applied one after the other.
     * A stream starting meanwhile is built wholly from the old configuration or wholly from {@code next}.
     * <ul>
     *   <li>TLS (credentials, trusted CAs, global and per-domain policy), timeouts, queue bound, limits,
     *   session health and resolvers apply to streams and sessions that start afterwards, STARTTLS and
     *   SNI handshakes included. A stream already open keeps what it started with: its TLS is
     *   negotiated and its peer authenticated, and cutting it would bounce what it carries.</li>
     *   <li>A new listener address or port (or direct-TLS port) is bound before anything else changes;
     *   then the old listener stops and its streams end with {@code system-shutdown}, so that peers
     *   reconnect to the address the administrator chose (and a firewall rule for the old port can go).</li>
     *   <li>Local domains: new streams serve the new set. Inbound streams on which a removed domain is
     *   authenticated end with {@code host-gone} (RFC 6120 §4.9.3.5, an FQDN no longer serviced);
     *   outbound, the removed domain's waiting stanzas bounce with {@code remote-server-timeout}, and a
     *   stream that served only removed domains ends with {@code </stream:stream>}.</li>
     *   <li>Remote domains: the {@link RemoteDomainPolicy} is applied anew, even when it is the same object (a host's
     *   policy may have learnt new answers). Inbound streams on which a domain it now refuses is authenticated end
     *   with {@code policy-violation} and the reason; outbound sessions to such a domain end with
     *   {@code </stream:stream>}, and their waiting stanzas bounce with {@code not-allowed}.</li>
     * </ul>
     *
     * @throws ListenerBindException    when a new address or port cannot be bound; the message names it,
     *                                  and the engine runs on unchanged
     * @throws IllegalArgumentException when a credential cannot be used, or {@code next} changes the
     *                                  dialback secret, which peers' verifications in flight depend on
     * @throws IllegalStateException    after {@link #closeInbound()} or {@link #close()}
     */
    public void reconfigure(EngineConfig next) {
        Objects.requireNonNull(next, "next");
        synchronized (lifecycle) {
            if (closed.get()) {
                throw new IllegalStateException("the S2S engine is closed");
            }
            if (inboundClosed) {
                throw new IllegalStateException("the S2S engine no longer receives (closeInbound) and can only be closed");
            }
            EngineConfig previous = config();
            if (!next.dialbackSecret().equals(previous.dialbackSecret())) {
                throw new IllegalArgumentException("the dialback secret cannot change while the engine runs");
            }
            EngineSettings fresh = settingsFor(next);
            Optional<S2sListener> newListener = needsRebind(previous.bindAddress(), previous.port(), listener,
                    next.bindAddress(), next.port()) ? Optional.of(bind(next.bindAddress(), next.port(), false))
                    : Optional.empty();
            Optional<S2sListener> newDirectTls;
            try {
                newDirectTls = next.directTlsPort().isPresent() && (directTlsListener.isEmpty()
                        || needsRebind(previous.bindAddress(), previous.directTlsPort().orElseThrow(),
                        directTlsListener.get(), next.bindAddress(), next.directTlsPort().get()))
                        ? Optional.of(bind(next.bindAddress(), next.directTlsPort().get(), true)) : Optional.empty();
            } catch (RuntimeException e) {
                newListener.ifPresent(S2sListener::close);
                throw e;
            }
            settings.set(fresh);
            List<S2sListener> retired = new ArrayList<>();
            newListener.ifPresent(bound -> {
                retired.add(listener);
                listener = bound;
            });
            if (newDirectTls.isPresent() || next.directTlsPort().isEmpty()) {
                directTlsListener.ifPresent(retired::add);
                directTlsListener = newDirectTls;
            }
            Set<String> removed = new HashSet<>(previous.localDomains());
            removed.removeAll(next.localDomains());
            if (!removed.isEmpty()) {
                outbound.dropLocalDomains(removed);
                listener.endStreamsFor(removed);
                directTlsListener.ifPresent(direct -> direct.endStreamsFor(removed));
                retired.forEach(old -> old.endStreamsFor(removed));
            }
            RemoteDomainPolicy policy = next.remoteDomains();
            outbound.refuseRemoteDomains(policy);
            listener.endStreamsRefusedBy(policy);
            directTlsListener.ifPresent(direct -> direct.endStreamsRefusedBy(policy));
            retired.forEach(old -> old.endStreamsRefusedBy(policy));
            retired.forEach(S2sListener::close);
            LOG.log(Level.INFO, "S2S engine reconfigured for {0}, listening on {1}", next.localDomains(),
                    listener.localAddress());
        }
    }

    /**
     * Whether {@code next} asks for another address or port than {@code running} listens on; port 0
     * (any free one) is satisfied by whatever port was bound for it before.
     */
    private static boolean needsRebind(InetAddress previousAddress, int previousPort, S2sListener running,
                                       InetAddress nextAddress, int nextPort) {
        if (!nextAddress.equals(previousAddress)) {
            return true;
        }
        return nextPort != 0 ? nextPort != running.localAddress().getPort() : previousPort != 0;
    }
}
