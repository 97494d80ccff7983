package dev.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Ends a stream nobody uses. Sits right behind an {@link IdleStateHandler} that watches all traffic
 * passing its place in the pipeline, and acts on its first "all idle" event; where the pair sits
 * decides what counts as use (pings answered or sent in front of it do not). How to end the stream
 * is the direction's business: an outbound session must be forgotten before its stream closes.
 */
final class IdleStreamCloser extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(IdleStreamCloser.class.getName());

    private final Duration timeout;
    private final Consumer<Channel> close;
    private final BooleanSupplier excused;
    /** Whether the quiet spell went on past the timeout while excused; on the event loop only. */
    private boolean excusedOnce;

    /** {@code close} ends the stream with {@code </stream:stream>}; {@code timeout} is only for the log. */
    IdleStreamCloser(Duration timeout, Consumer<Channel> close) {
        this(timeout, close, () -> false);
    }

    /**
     * {@code excused}: whether the quiet is ours, not the peer's (we stopped reading its stream); the stream then
     * stays open, and closes at the first idle event of the same quiet spell after that ends.
     */
    IdleStreamCloser(Duration timeout, Consumer<Channel> close, BooleanSupplier excused) {
        this.timeout = timeout;
        this.close = close;
        this.excused = excused;
    }

    /** Why a stream closed after {@code timeout} without use, as the administrator reads it. */
    static String reason(Duration timeout) {
        return "idle: no stanza for " + timeout.toMillis() / 1000.0 + " s";
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            // Later events of the same quiet spell find the stream closing already, or refusing to close (an outbound
            // stream still waiting for a receipt): a new spell tries again.
            if (!idle.isFirst() && !excusedOnce) {
                return;
            }
            excusedOnce = excused.getAsBoolean();
            if (!excusedOnce) {
                LOG.log(Level.DEBUG, "closing stream with {0}: idle for {1}", ctx.channel().remoteAddress(), timeout);
                close.accept(ctx.channel());
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
