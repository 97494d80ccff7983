package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.TrustStore;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The S2S engine as its hosts (the resource adapter, the DMZ proxy) see it: accepts streams from
 * remote servers and delivers their stanzas to a {@link StanzaListener}; sends local stanzas to
 * remote domains over sessions it opens on demand, encrypted per the TLS policy (STARTTLS, direct
 * TLS) and authenticated by SASL EXTERNAL (XEP-0178) or Server Dialback (XEP-0220), and returns what cannot be delivered to the sender as an error stanza through the same listener.
 *
 * <p>Inbound and outbound share one pair of I/O threads, enough for federation on a two-core host.
 */
public final class S2sEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(S2sEngine.class.getName());
    /** As many failures as an administrator reads at a glance. */
    private static final int REMEMBERED_FAILURES = 50;

    private final EngineConfig config;
    private final EventLoopGroup group;
    private final S2sListener listener;
    private final Optional<S2sListener> directTlsListener;
    private final OutboundSessions outbound;
    private final Set<InboundSession> inbound;
    private final FailureLog failures;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S2sEngine(EngineConfig config, EventLoopGroup group, S2sListener listener,
                      Optional<S2sListener> directTlsListener, OutboundSessions outbound, Set<InboundSession> inbound,
                      FailureLog failures) {
        this.config = config;
        this.group = group;
        this.listener = listener;
        this.directTlsListener = directTlsListener;
        this.outbound = outbound;
        this.inbound = inbound;
        this.failures = failures;
    }

    /**
     * Starts listening and becomes ready to send.
     *
     * @throws ListenerBindException when the listener's address and port cannot be bound
     */
    public static S2sEngine start(EngineConfig config, StanzaListener stanzaListener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stanzaListener, "stanzaListener");
        Clock clock = Clock.systemUTC();
        DialbackKeys keys = config.dialbackSecret().map(DialbackKeys::new).orElseGet(DialbackKeys::random);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("parley-s2s-io"),
                NioIoHandler.newFactory());
        try {
            FailureLog failures = new FailureLog(REMEMBERED_FAILURES, clock);
            S2sTls tls = new S2sTls(config.tls(), new CertificateVerifier(
                    TrustStore.withDefaults(config.tls().extraTrustedCas()), clock), clock);
            ServerPings pings = new ServerPings();
            OutboundConnector connector = new OutboundConnector(group, config.targetResolver(), config.hostResolver(),
                    config.connectTimeout(), config.limits(), tls, config.health(), pings);
            OutboundSessions outbound = new OutboundSessions(config, keys, connector, group, new Bouncer(stanzaListener),
                    failures, clock);
            Set<InboundSession> inbound = ConcurrentHashMap.newKeySet();
            InboundDialback services = new InboundDialback(keys, outbound, stanzaListener, inbound, clock, tls,
                    config.health(), pings, outbound::send);
            S2sListener listener = S2sListener.start(config.listenerConfig(), group, services, false);
            Optional<S2sListener> directTlsListener;
            try {
                directTlsListener = config.directTlsListenerConfig()
                        .map(direct -> S2sListener.start(direct, group, services, true));
            } catch (RuntimeException e) {
                listener.close();
                throw e;
            }
            return new S2sEngine(config, group, listener, directTlsListener, outbound, inbound, failures);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Sends a stanza to a remote domain: at once when its session is up, otherwise after it opens,
     * in the order sent. Stanzas that cannot be delivered come back through the listener as errors.
     *
     * @param stanza a {@code message}, {@code presence} or {@code iq} in {@code jabber:server} whose
     *               {@code from} is at a local domain and whose {@code to} is at a remote one
     * @throws IllegalArgumentException when the stanza is not such a stanza, or its {@code from} or {@code to}
     *                                  is no valid JID (RFC 7622); the message names the attribute and the rule
     * @throws IllegalStateException    after {@link #close()}
     */
    public void send(XmlElement stanza) {
        Objects.requireNonNull(stanza, "stanza");
        if (closed.get()) {
            throw new IllegalStateException("the S2S engine is closed");
        }
        if (!ServerStreams.isStanza(stanza)) {
            throw new IllegalArgumentException("only message, presence and iq in jabber:server can be sent, not <"
                    + stanza.name() + "/> in '" + stanza.namespace() + "'");
        }
        String localDomain = address(stanza, "from").domainpart();
        String remoteDomain = address(stanza, "to").domainpart();
        if (!config.serves(localDomain)) {
            throw new IllegalArgumentException("'from' must be at a local domain, " + localDomain + " is not one");
        }
        if (config.serves(remoteDomain)) {
            throw new IllegalArgumentException("'to' must be at a remote domain, not " + remoteDomain);
        }
        outbound.send(localDomain, remoteDomain, stanza);
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

    /** The most recent remote domains that could not be reached or refused us, oldest first. */
    public List<ConnectionFailure> recentFailures() {
        return failures.recent();
    }

    /**
     * Stops the engine, draining first. {@link #send} refuses new stanzas from the start; stanzas
     * waiting for a session that is not up are bounced with {@code remote-server-timeout} at once,
     * since such a session may take the whole dialback timeout to open; authenticated sessions get
     * up to {@link SessionHealth#drainTimeout()} to write what they have accepted (inbound streams
     * still deliver meanwhile, and dialback for a piggy-backing domain can still complete). What is
     * left then is bounced with {@code remote-server-timeout} ("this server is shutting down"),
     * outbound streams are closed with {@code </stream:stream>}, and inbound streams end with
     * {@code system-shutdown}. Returns once the port is free.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outbound.drain(config.health().drainTimeout());
        outbound.shutdown();
        listener.close();
        directTlsListener.ifPresent(S2sListener::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.log(Level.INFO, "S2S engine for {0} stopped", config.localDomains());
    }

    /** The configuration it runs with. */
    public EngineConfig config() {
        return config;
    }
}
