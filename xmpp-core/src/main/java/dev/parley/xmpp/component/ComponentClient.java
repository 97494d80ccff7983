package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.ClosingTagGuard;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.tls.TrustStore;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A component (XEP-0114) that keeps its link to the host up: it connects, authenticates with the shared secret, and
 * after every failure tries again, the pause doubling up to the configured longest. Each attempt and its outcome is
 * reported as a {@link LinkState}. What it is given to send waits in order in its {@link LinkOutbox} while the link is
 * down, and with a Parley XMPP Proxy as the host, until the proxy's verdict: a stanza the link was cut under is
 * written again on the next link, which the proxy does not send on twice ({@link NumberedStanzas}).
 */
public final class ComponentClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ComponentClient.class.getName());
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** A proxy out of reach for long must not make Parley keep an ever longer list of stanzas in memory. */
    static final int MAX_WAITING = 10_000;
    static final long MAX_WAITING_CHARS = 64L * 1024 * 1024;
    private static final Duration SWEEP = Duration.ofSeconds(1);
    /** How long closing waits for the proxy's verdicts on what it was given. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final ComponentClientConfig config;
    private final LinkListener listener;
    private final Clock clock;
    private final EventLoopGroup loop;
    private final Optional<SslContext> tls;
    /** Names this run to a Parley XMPP Proxy: the numbers of its stanzas mean something only within it. */
    private final String instance = StreamIds.next();
    private final LinkOutbox outbox = new LinkOutbox(MAX_WAITING, MAX_WAITING_CHARS);
    /** Confined to the event loop. */
    private int failedAttempts;
    private boolean closed;
    /** Links come up one after another; the outbox knows which stanzas each has carried by this number. */
    private long linkNumber;
    /** The proxy's stanzas handed to the listener, and which of them it took: what the acknowledgement may say. */
    private final HandedStanzas handed = new HandedStanzas();
    private volatile ComponentClientHandler current;
    private final AtomicReference<ProxyPolicy> policy;
    private volatile LinkState state;

    private ComponentClient(ComponentClientConfig config, ProxyPolicy policy, LinkListener listener, Clock clock) {
        this.config = config;
        this.policy = new AtomicReference<>(policy);
        this.listener = listener;
        this.clock = clock;
        this.tls = config.tls().map(ComponentClient::clientContext);
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-link"), NioIoHandler.newFactory());
        this.state = LinkState.connecting(clock.instant());
    }

    /**
     * Starts keeping the link up; the first attempt begins at once.
     *
     * @throws IllegalStateException when the TLS trust cannot be set up
     */
    public static ComponentClient start(ComponentClientConfig config, LinkListener listener) {
        return start(config, null, listener);
    }

    /**
     * Starts keeping the link up, telling a host that is a Parley XMPP Proxy {@code policy} (null: none) each time the
     * link comes up, before any stanza; the first attempt begins at once.
     *
     * @throws IllegalStateException when the TLS trust cannot be set up
     */
    public static ComponentClient start(ComponentClientConfig config, ProxyPolicy policy, LinkListener listener) {
        ComponentClient client = new ComponentClient(config, policy, listener, Clock.systemUTC());
        client.loop.execute(client::connect);
        client.loop.scheduleAtFixedRate(client::expire, SWEEP.toNanos(), SWEEP.toNanos(), TimeUnit.NANOSECONDS);
        return client;
    }

    public LinkState state() {
        return state;
    }

    /**
     * Sends {@code stanza} (in {@code jabber:server}) on the link, after everything given before it. While the link is
     * down it waits, at most {@code maxWait}. The stage completes with what became of it: a Parley XMPP Proxy's
     * verdict (written to the remote server, or bounced and why), written to the link for a host that gives none;
     * {@code remote-server-timeout} when it waited for the link in vain, {@code resource-constraint} when too many
     * wait already; either may be retried. It completes on the link's I/O thread: what depends on it must not block.
     *
     * @throws IllegalArgumentException when the stanza holds a character XML 1.0 does not allow, which no stream can
     *                                  carry; nothing is sent
     */
    public CompletionStage<Delivery> submit(XmlElement stanza, Duration maxWait) {
        // Written to text here, on the caller's thread: a stanza no stream can carry is refused before it is numbered.
        String xml = ComponentStreams.write(stanza);
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        try {
            loop.execute(() -> take(xml, maxWait, fate));
        } catch (RejectedExecutionException e) {
            fate.complete(notDelivered("is closed"));
        }
        return fate.minimalCompletionStage();
    }

    private void take(String xml, Duration maxWait, CompletableFuture<Delivery> fate) {
        if (closed) {
            fate.complete(notDelivered("is closed"));
        } else if (outbox.add(xml, clock.instant(), maxWait, fate::complete).isEmpty()) {
            fate.complete(new Delivery.Bounced(StanzaErrorCondition.RESOURCE_CONSTRAINT, "the link to the XMPP proxy"
                    + " at " + config.endpoint() + " " + outbox.fullReason()));
        } else if (current != null) {
            current.flush(outbox, linkNumber);
        }
    }

    /** On the event loop: what waited for the link longer than it was given goes back. */
    private void expire() {
        List<LinkOutbox.Entry> late = outbox.expired(clock.instant());
        if (late.isEmpty()) {
            return;
        }
        Delivery waitedInVain = notDelivered("was down for longer than the stanza could wait"
                + state.problem().map(problem -> " (" + problem + ")").orElse(""));
        late.forEach(entry -> entry.fate.accept(waitedInVain));
    }

    private Delivery notDelivered(String why) {
        return new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the link to the XMPP proxy at "
                + config.endpoint() + " " + why);
    }

    /** How many stanzas wait for the link or for the proxy's verdict. */
    public int waiting() {
        return outbox.size();
    }

    /**
     * Replaces the policy told to a host that is a Parley XMPP Proxy, and tells it now if the link is up; a stock XMPP
     * server hosting the component gets none (it applies policies of its own).
     */
    public void setPolicy(ProxyPolicy changed) {
        policy.set(changed);
        ComponentClientHandler stream = current;
        if (stream != null) {
            stream.sendPolicy();
        }
    }

    /**
     * Asks the host, a Parley XMPP Proxy, to close its S2S session {@code id}; false when the link is down or the host
     * is no Parley XMPP Proxy.
     */
    public boolean closeSession(String id) {
        ComponentClientHandler stream = current;
        return stream != null && stream.closeSession(id);
    }

    private void connect() {
        if (closed) {
            return;
        }
        config.resolver().addresses(config.host()).whenComplete((addresses, failure) -> loop.execute(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                failed("cannot resolve " + config.host() + ": " + cause.getMessage(), false);
            } else {
                connectTo(addresses, 0);
            }
        }));
    }

    /** Tries the host's addresses in the resolver's order, the next when one cannot be connected to. */
    private void connectTo(List<InetAddress> addresses, int index) {
        if (closed) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(addresses.get(index), config.port());
        ComponentClientHandler stream = new ComponentClientHandler(config, instance, policy::get,
                new ComponentClientHandler.Events() {
            @Override
            public void authenticated(ComponentClientHandler up) {
                current = up;
                linkNumber++;
                failedAttempts = 0;
                report(new LinkState(true, clock.instant(), state.problem(), 0, Optional.empty()));
                LOG.log(Level.INFO, "component link to {0} is up for {1}", config.endpoint(), config.domain());
                // First what waited, then what comes: the outbox keeps them in the order they were given.
                up.flush(outbox, linkNumber);
            }

            @Override
            public void stanza(String hostInstance, long number, XmlElement stanza) {
                if (number == 0) {
                    // A host that numbers nothing hears of nothing either.
                    listener.stanza(stanza, () -> { });
                    return;
                }
                if (!handed.hand(hostInstance, number)) {
                    // Written again after a cut link; handed already.
                    return;
                }
                try {
                    listener.stanza(stanza, () -> {
                        handed.taken(hostInstance, number);
                        ComponentClientHandler up = current;
                        if (up != null) {
                            up.acknowledgeTaken();
                        }
                    });
                } catch (RuntimeException e) {
                    // The link ends, and the proxy writes it again on the next one.
                    handed.withdraw(hostInstance, number);
                    throw e;
                }
            }

            @Override
            public long takenUpTo(String hostInstance) {
                return handed.takenUpTo(hostInstance);
            }

            @Override
            public void verdict(long number, Delivery delivery) {
                outbox.acknowledged(number, delivery);
            }

            @Override
            public void proxyEvent(FederationEvent event) {
                listener.proxyEvent(event);
            }

            @Override
            public void proxyStatus(ProxyStatus status) {
                listener.proxyStatus(status);
            }

            @Override
            public void ended(ComponentClientHandler down, String reason) {
                if (current == down) {
                    current = null;
                }
                // Replaced: another instance with the same password took over. Coming straight back would take the
                // link from that one in turn, and the two would take turns for ever; the longest pause keeps it rare.
                failed(reason, down.replaced());
            }
        });
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        tls.ifPresent(context -> channel.pipeline().addLast("tls", handler(context, channel)));
                        channel.pipeline()
                                // Before the decoder, so that whitespace keepalives count as signs of life.
                                .addLast("silence", new IdleStateHandler(config.silenceLimit().toMillis(), 0, 0,
                                        TimeUnit.MILLISECONDS))
                                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(ClosingTagGuard.NAME, new ClosingTagGuard())
                                .addLast("xml-decoder", new XmlStreamDecoder(config.limits()))
                                .addLast("component-stream", stream);
                    }
                })
                .connect(address);
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                return;
            }
            if (index + 1 < addresses.size()) {
                connectTo(addresses, index + 1);
            } else {
                failed("could not connect to " + config.endpoint() + ": " + done.cause().getMessage(), false);
            }
        });
    }

    /** Runs on the event loop: the attempt or the link failed; the next attempt waits, longer each time. */
    private void failed(String reason, boolean waitLongest) {
        if (closed) {
            report(new LinkState(false, clock.instant(), Optional.of(reason), failedAttempts, Optional.empty()));
            return;
        }
        failedAttempts++;
        Duration pause = waitLongest ? config.maxRetry() : pause(failedAttempts);
        LOG.log(Level.WARNING, "component link to {0}: {1}; trying again in {2} ms", config.endpoint(), reason,
                pause.toMillis());
        report(new LinkState(false, clock.instant(), Optional.of(reason), failedAttempts,
                Optional.of(clock.instant().plus(pause))));
        loop.schedule(this::connect, pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration pause(int failures) {
        Duration pause = config.minRetry();
        for (int i = 1; i < failures && pause.compareTo(config.maxRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : pause;
    }

    private void report(LinkState next) {
        state = next;
        listener.stateChanged(next);
    }

    private SslHandler handler(SslContext context, Channel channel) {
        SslHandler handler = context.newHandler(channel.alloc(), config.host(), config.port());
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        // The proxy must be the one named in the settings, not any holder of a trusted certificate.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }

    private static SslContext clientContext(List<X509Certificate> extraCas) {
        try {
            return SslContextBuilder.forClient()
                    .protocols(PROTOCOLS)
                    .trustManager(TrustStore.withDefaults(extraCas).trustManagerFactory())
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("the link's TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    /**
     * Gives the proxy a few seconds to say what became of the stanzas it was given, then ends the link (closing tag),
     * stops trying, and frees the thread. What still waits goes back with {@code remote-server-timeout}, for its sender
     * to try again: a stanza the proxy sent on without saying so in time may then arrive twice.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (current != null && outbox.written() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loop.submit(() -> {
            closed = true;
            ComponentClientHandler stream = current;
            if (stream != null) {
                stream.close("Parley closed the link");
            }
            Delivery closing = notDelivered("was closed before the proxy said what became of the stanza");
            outbox.drain().forEach(entry -> entry.fate.accept(closing));
        }).syncUninterruptibly();
        loop.shutdownGracefully(0, ComponentStreams.CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .syncUninterruptibly();
    }
}
