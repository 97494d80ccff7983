package dev.parley.xmpp.component;

import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.ClosingTagGuard;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Accepts the component that may serve the configured domain (XEP-0114), over plain TCP or direct TLS, and reports
 * it to a {@link ComponentHost}. At most one link is up at a time.
 */
public final class ComponentListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ComponentListener.class.getName());
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ComponentLinks links;
    private final InetSocketAddress localAddress;

    private ComponentListener(Channel serverChannel, ChannelGroup connections, EventLoopGroup acceptor,
                              EventLoopGroup io, ComponentLinks links) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.acceptor = acceptor;
        this.io = io;
        this.links = links;
        this.localAddress = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Listens as {@code config} says.
     *
     * @throws IllegalStateException when the port cannot be bound or the TLS credential cannot be used, saying why
     */
    public static ComponentListener start(ComponentListenerConfig config, ComponentHost host) {
        Optional<SslContext> tls = config.tls().map(ComponentListener::serverContext);
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-link-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-link-io"),
                NioIoHandler.newFactory());
        ComponentLinks links = new ComponentLinks(host, Clock.systemUTC(), config.maxWait());
        io.scheduleAtFixedRate(links::expire, 1, 1, TimeUnit.SECONDS);
        io.scheduleAtFixedRate(links::keepAlive, ComponentStreams.KEEPALIVE.toMillis(),
                ComponentStreams.KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
        ChannelGroup connections = new DefaultChannelGroup("parley-link", GlobalEventExecutor.INSTANCE, true);
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        tls.ifPresent(context -> channel.pipeline().addLast("tls", context.newHandler(channel.alloc())));
                        channel.pipeline()
                                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(ClosingTagGuard.NAME, new ClosingTagGuard())
                                .addLast("xml-decoder", new XmlStreamDecoder(config.limits()))
                                .addLast("component-stream", new ComponentHostHandler(config, links, Clock.systemUTC()));
                    }
                })
                .bind(address)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptor, io);
            throw new IllegalStateException("cannot listen for the component link on "
                    + IpAddressLiteral.format(address) + ": " + AuditTexts.failure(bound.cause()), bound.cause());
        }
        ComponentListener listener = new ComponentListener(bound.channel(), connections, acceptor, io, links);
        LOG.log(Level.INFO, "listening for the component link of {0} on {1}{2}", config.domain(),
                IpAddressLiteral.format(listener.localAddress), tls.isPresent() ? " with TLS" : "");
        return listener;
    }

    private static SslContext serverContext(ServerCredential credential) {
        try {
            return SslContextBuilder.forServer(credential.key(), credential.chain().toArray(X509Certificate[]::new))
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("the link's TLS certificate cannot be used: " + e.getMessage(), e);
        }
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The link that is up, if one is. */
    public Optional<ComponentLink> link() {
        return links.current();
    }

    /**
     * Sends {@code stanza} (in {@code jabber:server}) to the component, after everything given before it: at once
     * while the link is up, else when it comes up, within the configured wait. {@code fate} hears what became of it:
     * written (acknowledged by a Parley, on the socket for another component), or bounced with
     * {@code service-unavailable} when the link did not come up in time or the host stopped. False when too many
     * stanzas wait already: the caller still has this one and must answer for it.
     *
     * @throws IllegalArgumentException when the stanza holds a character XML 1.0 does not allow
     */
    public boolean send(XmlElement stanza, Consumer<Delivery> fate) {
        return links.send(stanza, fate);
    }

    /**
     * Answers what still waits for the component, or for its acknowledgement, with {@code service-unavailable}: the
     * host is stopping, and the senders must hear of it while it can still answer them.
     */
    public void giveBackWaiting() {
        links.drain();
    }

    /** Stanzas for the component it has not acknowledged yet. */
    public int waiting() {
        return links.waiting();
    }

    /** Accepts no new connection (a component coming back could otherwise take over while the host stops). */
    public void stopAccepting() {
        serverChannel.close().syncUninterruptibly();
    }

    /**
     * Stops accepting, answers what still waits for the component with {@code service-unavailable}, ends the link
     * with {@code system-shutdown} and frees the port.
     */
    @Override
    public void close() {
        stopAccepting();
        links.drain();
        links.current().ifPresent(link -> link.end(StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN,
                "the proxy is stopping")));
        connections.newCloseFuture().awaitUninterruptibly(SHUTDOWN_GRACE.toMillis());
        connections.close().awaitUninterruptibly();
        shutDown(acceptor, io);
    }

    private static void shutDown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }
}
