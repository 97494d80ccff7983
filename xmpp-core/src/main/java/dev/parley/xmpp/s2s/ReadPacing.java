package dev.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Reads from an inbound peer only while what we answer it can be written and while the host has room for what it
 * sends; otherwise the peer's data waits in its own socket and TCP slows it down, and nothing it sent is refused.
 * <ul>
 *   <li>Every dialback request (and more) is answered; a peer that sends requests but never reads would otherwise grow
 *       our outbound buffer without bound. Past Netty's high-water mark the channel is unwritable and reading stops;
 *       below the low-water mark it resumes.</li>
 *   <li>A host that cannot keep up ({@link StanzaListener#hasRoom()} false) holds the peer back the same way until it
 *       has room again ({@link #holdBack}, {@link #release}).</li>
 * </ul>
 */
final class ReadPacing extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> HELD_BACK = AttributeKey.valueOf("parley.heldBack");

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        update(ctx.channel());
        ctx.fireChannelWritabilityChanged();
    }

    /** Reads nothing more from {@code channel} until {@link #release}; false when it was held back already. */
    static boolean holdBack(Channel channel) {
        boolean already = Boolean.TRUE.equals(channel.attr(HELD_BACK).getAndSet(true));
        update(channel);
        return !already;
    }

    /** Reads from {@code channel} again, unless its writability still stops it. */
    static void release(Channel channel) {
        channel.attr(HELD_BACK).set(false);
        update(channel);
    }

    private static void update(Channel channel) {
        channel.config().setAutoRead(channel.isWritable() && !Boolean.TRUE.equals(channel.attr(HELD_BACK).get()));
    }
}
