package dev.parley.xmpp.s2s;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Refuses inbound connections beyond the {@link InboundLimits} caps per remote IP address, per network (IPv6 /64,
 * IPv4 /24) and in total, first in the pipeline: every accepted connection costs memory, a TLS handshake and a parser
 * before its peer proves anything, so a flood from one address, one network (an IPv6 peer has a /64 of addresses to
 * choose from) or many must not exhaust the server. A refused connection is closed at once, before TLS or XML, with
 * nothing written; a stream error would itself cost what the cap saves. One instance is shared by the engine's
 * listeners, so the total spans the plain and the direct-TLS port; the caps are read at each connection, so a change
 * applies to the next one, and connections open beyond a lowered cap stay.
 */
@Sharable
final class InboundConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(InboundConnectionLimit.class.getName());

    private final Supplier<InboundLimits> limits;
    private final AtomicInteger active = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, Integer> byNetwork = new ConcurrentHashMap<>();
    /** Set from the first refusal until the next admission, so that a flood is logged once, not per connection. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    /** {@code limits} gives the caps as they are now. */
    InboundConnectionLimit(Supplier<InboundLimits> limits) {
        this.limits = limits;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            // not a network connection (an in-memory channel): nothing to protect
            ctx.fireChannelActive();
            return;
        }
        InetAddress address = remote.getAddress();
        InetAddress network = networkOf(address);
        String refusal = admit(address, network);
        if (refusal != null) {
            if (refusing.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "refusing inbound S2S connections: {0} (further refusals are not logged "
                        + "until a connection is accepted again)", refusal);
            }
            // Not passed on: the handlers behind never see a connection they would start work for.
            ctx.close();
            return;
        }
        refusing.set(false);
        ctx.channel().closeFuture().addListener(closed -> release(address, network));
        ctx.fireChannelActive();
    }

    /** Counts the connection from {@code address} in {@code network}, or says why not. */
    private String admit(InetAddress address, InetAddress network) {
        InboundLimits caps = limits.get();
        if (active.incrementAndGet() > caps.connectionsInAll()) {
            active.decrementAndGet();
            return caps.connectionsInAll() + " connections are open already (the limit in total)";
        }
        if (!countIn(byNetwork, network, caps.connectionsPerNetwork())) {
            active.decrementAndGet();
            return caps.connectionsPerNetwork() + " connections from " + network.getHostAddress() + "/"
                    + prefixLength(address) + " are open already (the limit per network)";
        }
        if (!countIn(byAddress, address, caps.connectionsPerAddress())) {
            countOut(byNetwork, network);
            active.decrementAndGet();
            return caps.connectionsPerAddress() + " connections from " + address.getHostAddress()
                    + " are open already (the limit per address)";
        }
        return null;
    }

    /** Counts one more connection for {@code key}, unless it has {@code cap} already. */
    private static boolean countIn(ConcurrentHashMap<InetAddress, Integer> counts, InetAddress key, int cap) {
        boolean[] admitted = {false};
        counts.compute(key, (counted, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < cap;
            return admitted[0] ? current + 1 : count;
        });
        return admitted[0];
    }

    private static void countOut(ConcurrentHashMap<InetAddress, Integer> counts, InetAddress key) {
        counts.computeIfPresent(key, (counted, count) -> count == 1 ? null : count - 1);
    }

    private void release(InetAddress address, InetAddress network) {
        countOut(byAddress, address);
        countOut(byNetwork, network);
        active.decrementAndGet();
    }

    /**
     * The network {@code address} is counted in: its /64 for IPv6 (what one site is given, however many addresses a
     * host inside takes), its /24 for IPv4. An IPv4 address mapped into IPv6 arrives as an {@link Inet4Address}.
     */
    static InetAddress networkOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        int prefixBytes = prefixLength(address) / 8;
        Arrays.fill(bytes, prefixBytes, bytes.length, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", impossible);
        }
    }

    private static int prefixLength(InetAddress address) {
        return address instanceof Inet4Address ? 24 : 64;
    }
}
