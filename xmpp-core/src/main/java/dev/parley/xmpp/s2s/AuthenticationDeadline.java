package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Gives an inbound stream a fixed time from its first header to authenticate a domain (dialback or SASL EXTERNAL),
 * then ends it with {@code policy-violation} unless it did. A deadline, not an idle timeout: a peer that keeps an
 * unauthenticated stream open with whitespace or dialback requests that never succeed would otherwise hold a
 * connection, a parser and its TLS state for as long as it likes. Stays in place through stream restarts (STARTTLS,
 * SASL), which send new headers; removes itself once the time is up.
 */
final class AuthenticationDeadline extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(AuthenticationDeadline.class.getName());

    private final Duration timeout;
    private final BooleanSupplier authenticated;
    private ScheduledFuture<?> timer;

    /** {@code authenticated} says whether the stream has authenticated a domain by now. */
    AuthenticationDeadline(Duration timeout, BooleanSupplier authenticated) {
        this.timeout = timeout;
        this.authenticated = authenticated;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamOpened && timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!authenticated.getAsBoolean()) {
            LOG.log(Level.DEBUG, "{0} did not authenticate within {1} of its stream header",
                    ctx.channel().remoteAddress(), timeout);
            ctx.fireUserEventTriggered(new StreamFailure(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "no domain was authenticated on this stream within " + inWords(timeout) + " of its header")));
        }
        ctx.pipeline().remove(this);
    }

    private static String inWords(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
