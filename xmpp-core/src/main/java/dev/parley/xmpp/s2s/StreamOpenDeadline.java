package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives a new connection a fixed time to deliver its complete stream header, then fires
 * {@link Expired}. A deadline rather than an idle timeout: a peer trickling one byte every few
 * seconds would keep an idle timer from ever firing (slow-loris). Removes itself once the header
 * has passed, since later phases have their own timing.
 */
final class StreamOpenDeadline extends ChannelInboundHandlerAdapter {

    /** The user event fired when the header did not arrive in time. */
    enum Expired {
        INSTANCE
    }

    private final Duration timeout;
    private ScheduledFuture<?> timer;

    StreamOpenDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // An accepted channel is already active when its pipeline is built, so channelActive may
        // have passed before this handler existed.
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamOpened) {
            ctx.fireChannelRead(msg);
            ctx.pipeline().remove(this);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        ctx.fireUserEventTriggered(Expired.INSTANCE);
        ctx.pipeline().remove(this);
    }
}
