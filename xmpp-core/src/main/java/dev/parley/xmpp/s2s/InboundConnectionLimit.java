package dev.parley.xmpp.s2s;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses inbound connections beyond a cap per remote IP address and a cap in total, first in the
 * pipeline: every accepted connection costs memory, a TLS handshake and a parser before its peer
 * proves anything, so a flood from one address (or many) must not exhaust the server. A refused
 * connection is closed at once, before TLS or XML, with nothing written; a stream error would
 * itself cost what the cap saves. One instance is shared by the engine's listeners, so the total
 * spans the plain and the direct-TLS port.
 */
@Sharable
final class InboundConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(InboundConnectionLimit.class.getName());

    /**
     * Concurrent connections from one address: a peer server needs one stream plus one-off dialback verify streams,
     * but a host serving many domains behind one address may open more; 64 leaves room for those.
     */
    static final int PER_ADDRESS = 64;
    /** Concurrent inbound connections in all, well inside a default file-descriptor limit. */
    static final int TOTAL = 4096;

    private final int perAddress;
    private final int total;
    private final AtomicInteger active = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    /** Set from the first refusal until the next admission, so that a flood is logged once, not per connection. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    InboundConnectionLimit() {
        this(PER_ADDRESS, TOTAL);
    }

    /** With other caps, for tests. */
    InboundConnectionLimit(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            // not a network connection (an in-memory channel): nothing to protect
            ctx.fireChannelActive();
            return;
        }
        InetAddress address = remote.getAddress();
        String refusal = admit(address);
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
        ctx.channel().closeFuture().addListener(closed -> release(address));
        ctx.fireChannelActive();
    }

    /** Counts the connection in, or says why not. */
    private String admit(InetAddress address) {
        if (active.incrementAndGet() > total) {
            active.decrementAndGet();
            return total + " connections are open already (the limit in total)";
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < perAddress;
            return admitted[0] ? current + 1 : count;
        });
        if (!admitted[0]) {
            active.decrementAndGet();
            return perAddress + " connections from " + address.getHostAddress() + " are open already (the limit per address)";
        }
        return null;
    }

    private void release(InetAddress address) {
        byAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        active.decrementAndGet();
    }
}
