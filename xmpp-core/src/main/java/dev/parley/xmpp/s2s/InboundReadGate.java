package dev.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Reads from an inbound peer only while what we answer it can be written and the host keeps up with the stanzas it
 * sends. Every dialback request (and more) is answered; a peer that sends requests but never reads would otherwise
 * grow our outbound buffer without bound: once that buffer passes Netty's high-water mark the channel is unwritable
 * and we stop reading, below the low-water mark reading resumes. Likewise while the {@link InboundBacklog} says too
 * many of the peer's stanzas wait for the host. Either way the peer's data waits in the sockets and TCP slows the
 * peer down; nothing it sent is refused for it.
 */
final class InboundReadGate extends ChannelInboundHandlerAdapter {

    /** On the channel's event loop only. */
    private boolean backlogged;

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        apply(ctx.channel());
        ctx.fireChannelWritabilityChanged();
    }

    /** Stops or resumes reading for the host's sake; on the channel's event loop. */
    void backlogged(Channel channel, boolean tooMany) {
        if (backlogged != tooMany) {
            backlogged = tooMany;
            apply(channel);
        }
    }

    private void apply(Channel channel) {
        channel.config().setAutoRead(channel.isWritable() && !backlogged);
    }
}
