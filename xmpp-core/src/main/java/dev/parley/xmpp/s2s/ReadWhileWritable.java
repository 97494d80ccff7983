package dev.parley.xmpp.s2s;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Reads from an inbound peer only while what we answer it can be written. Every dialback request (and more) is
 * answered; a peer that sends requests but never reads would otherwise grow our outbound buffer without bound. Once
 * that buffer passes Netty's high-water mark the channel is unwritable and we stop reading, so the peer's requests
 * wait in its own socket; below the low-water mark reading resumes.
 */
final class ReadWhileWritable extends ChannelInboundHandlerAdapter {

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
