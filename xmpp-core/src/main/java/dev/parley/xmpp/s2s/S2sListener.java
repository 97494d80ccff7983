package dev.parley.xmpp.s2s;

import dev.parley.xmpp.net.IpAddressLiteral;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Accepts XMPP server-to-server connections on one address and port and runs each through the
 * inbound stream pipeline. Used alike by the resource adapter inside WildFly and by the standalone
 * proxy, hence plain Netty and {@link System.Logger}.
 */
public final class S2sListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(S2sListener.class.getName());
    /** How long open streams get to flush their {@code system-shutdown} error before they are cut. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final Channel serverChannel;
    private final InetSocketAddress localAddress;
    private final ChannelGroup streams;
    private final List<EventLoopGroup> ownedGroups;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S2sListener(Channel serverChannel, ChannelGroup streams, List<EventLoopGroup> ownedGroups) {
        this.serverChannel = serverChannel;
        this.localAddress = (InetSocketAddress) serverChannel.localAddress();
        this.streams = streams;
        this.ownedGroups = ownedGroups;
    }

    /**
     * Binds and starts listening with event loops of its own, which {@link #close()} shuts down:
     * one thread accepts and two do the I/O, enough for federation traffic on a two-core host.
     *
     * @throws ListenerBindException when the address and port cannot be bound
     */
    public static S2sListener start(ListenerConfig config) {
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("parley-s2s-io"),
                NioIoHandler.newFactory());
        return start(address(config), newAcceptor(), io, List.of(io), bare(config), false,
                new InboundConnectionLimit(config::inbound));
    }

    /**
     * Binds and starts listening, doing the connections' I/O on a group shared with the rest of
     * the engine; {@link #close()} leaves that group running. Accepting stays on a thread of the
     * listener's own: only shutting down the selector that the server socket was registered with
     * releases the port at once, and {@link #close()} promises a free port.
     *
     * @throws ListenerBindException when the address and port cannot be bound
     */
    public static S2sListener start(ListenerConfig config, EventLoopGroup sharedIoGroup) {
        return start(address(config), newAcceptor(), sharedIoGroup, List.of(), bare(config), false,
                new InboundConnectionLimit(config::inbound));
    }

    /**
     * The engine's listener on {@code address}: on the engine's I/O group, negotiating TLS and
     * authenticating peers with the {@code settings} current when each connection is accepted;
     * with {@code directTls}, every connection starts with TLS (XEP-0368); {@code limit} is shared
     * with the engine's other listener.
     */
    static S2sListener start(InetSocketAddress address, EventLoopGroup sharedIoGroup, Supplier<InboundSettings> settings,
                             boolean directTls, InboundConnectionLimit limit) {
        return start(address, newAcceptor(), sharedIoGroup, List.of(), settings, directTls, limit);
    }

    /** A bare listener with its own event loops and the given connection limit, for tests. */
    static S2sListener start(ListenerConfig config, InboundConnectionLimit limit) {
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-s2s-io"),
                NioIoHandler.newFactory());
        return start(address(config), newAcceptor(), io, List.of(io), bare(config), false, limit);
    }

    private static EventLoopGroup newAcceptor() {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-s2s-accept"), NioIoHandler.newFactory());
    }

    private static InetSocketAddress address(ListenerConfig config) {
        return new InetSocketAddress(config.bindAddress(), config.port());
    }

    /** Streams that authenticate nobody, for a listener without the engine. */
    private static Supplier<InboundSettings> bare(ListenerConfig config) {
        InboundSettings settings = new InboundSettings(config, Optional.empty());
        return () -> settings;
    }

    private static S2sListener start(InetSocketAddress address, EventLoopGroup acceptor, EventLoopGroup io,
                                     List<EventLoopGroup> otherOwnedGroups, Supplier<InboundSettings> settings,
                                     boolean directTls, InboundConnectionLimit limit) {
        List<EventLoopGroup> owned = new ArrayList<>(otherOwnedGroups);
        owned.add(0, acceptor);
        try {
            return bind(address, acceptor, io, List.copyOf(owned), settings, directTls, limit);
        } catch (RuntimeException e) {
            shutDown(owned);
            throw e;
        }
    }

    private static S2sListener bind(InetSocketAddress address, EventLoopGroup acceptor, EventLoopGroup io,
                                    List<EventLoopGroup> owned, Supplier<InboundSettings> settings, boolean directTls,
                                    InboundConnectionLimit limit) {
        // Staying closed: a connection accepted just before the server socket closed, whose stream is set up only
        // after close() ended the others, is closed as it joins instead of living on.
        ChannelGroup streams = new DefaultChannelGroup("parley-s2s-inbound", GlobalEventExecutor.INSTANCE, true);
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                // Stanzas are small and interactive; waiting to coalesce them only adds latency.
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new S2sChannelInitializer(settings, streams, directTls, limit))
                .bind(address)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new ListenerBindException("cannot listen for XMPP server-to-server connections on "
                    + IpAddressLiteral.format(address) + ": " + AuditTexts.failure(bound.cause()), bound.cause());
        }
        S2sListener listener = new S2sListener(bound.channel(), streams, owned);
        LOG.log(Level.INFO, "listening for XMPP server-to-server connections{0} on {1} for {2}",
                directTls ? " with direct TLS" : "", IpAddressLiteral.format(listener.localAddress), settings.get().config().localDomains());
        return listener;
    }

    /** The bound address, with the actual port when the configuration asked for port 0. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Ends the open streams that carry one of {@code domains} (canonical form) with {@code host-gone}
     * (RFC 6120 §4.9.3.5: a domain no longer serviced here); the others go on.
     */
    void endStreamsFor(Set<String> domains) {
        LocalDomainsRemoved removed = new LocalDomainsRemoved(Set.copyOf(domains));
        streams.forEach(stream -> stream.pipeline().fireUserEventTriggered(removed));
    }

    /**
     * Ends the open streams that carry a remote domain {@code policy} refuses with {@code policy-violation} and the
     * policy's reason; the others go on.
     */
    void endStreamsRefusedBy(RemoteDomainPolicy policy) {
        RemoteDomainPolicyChanged changed = new RemoteDomainPolicyChanged(policy);
        streams.forEach(stream -> stream.pipeline().fireUserEventTriggered(changed));
    }

    /**
     * Stops accepting, ends every open stream with {@code system-shutdown} (RFC 6120 §4.9.3.22),
     * closes the connections and, if they are its own, the event loops. Returns once the port is free
     * and the streams are done: none delivers anything any more, and what their closing sets off (their
     * sessions forgotten, their ends reported) has run.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // First the server socket, so no connection arrives while the others are being ended. The
        // port itself is released when the acceptor's selector lets go of it, at shutDown below.
        serverChannel.close().syncUninterruptibly();
        // Taken before the streams are told to end, so that it completes only after each stream's own close
        // listeners, added when the stream was set up, have run.
        ChannelGroupFuture ended = streams.newCloseFuture();
        for (Channel stream : streams) {
            stream.pipeline().fireUserEventTriggered(ListenerShutdown.INSTANCE);
        }
        if (!ended.awaitUninterruptibly(SHUTDOWN_GRACE.toMillis())) {
            LOG.log(Level.WARNING, "{0} streams did not close in time; cutting them", streams.size());
        }
        // Cuts the streams that did not close in time, and closes the group to late arrivals (see bind).
        streams.close().awaitUninterruptibly();
        shutDown(ownedGroups);
        LOG.log(Level.INFO, "stopped listening on {0}", IpAddressLiteral.format(localAddress));
    }

    private static void shutDown(List<EventLoopGroup> groups) {
        // No quiet period: every channel is closed already, and the caller waits for the port.
        groups.forEach(group -> group.shutdownGracefully(0, SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS));
        groups.forEach(group -> group.terminationFuture().syncUninterruptibly());
    }
}
