package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an outbound stream honest with XEP-0199 pings: when nothing has arrived on it for a while
 * (the "reader idle" event of the {@link IdleStateHandler} in front of it), pings the remote domain
 * and closes the connection when neither a result nor an error comes back in time. The answer may
 * come on this stream or, usually, on the peer's stream to us; {@link ServerPings} brings it here.
 *
 * <p>Pings go from a local domain the peer has accepted, which this handler learns from the
 * negotiation passing by ({@code db:result type='valid'}, SASL {@code success}); before that there
 * is nothing to keep alive and the negotiation has deadlines of its own. A dead stream is closed
 * without {@code </stream:stream>}: a peer that reads nothing would never let it be written.
 * Stanzas written since the last sign of life may be lost with it, and which ones cannot be known
 * without stream management (XEP-0198).
 */
final class PingKeepalive extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(PingKeepalive.class.getName());

    enum State {
        /** No local domain authenticated yet: nobody to ping from. */
        AWAITING_AUTHENTICATION,
        /** Authenticated; waiting for a quiet spell. */
        WATCHING,
        /** A ping is out; its answer or its deadline comes next. */
        AWAITING_ANSWER,
        /** The connection is gone or being cut. */
        CLOSED
    }

    private final String headerDomain;
    private final String remoteDomain;
    private final Duration timeout;
    private final ServerPings pings;
    private State state = State.AWAITING_AUTHENTICATION;
    private String localDomain;
    private String pingId;
    /** When the ping out was written ({@link System#nanoTime()}). */
    private long pingedAt;
    private ScheduledFuture<?> deadline;

    /** {@code headerDomain}: the local domain our header names, which SASL EXTERNAL authenticates. */
    PingKeepalive(String headerDomain, String remoteDomain, Duration timeout, ServerPings pings) {
        this.headerDomain = headerDomain;
        this.remoteDomain = remoteDomain;
        this.timeout = timeout;
        this.pings = pings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ElementReceived received) {
            XmlElement element = received.element();
            if (state == State.AWAITING_AUTHENTICATION) {
                noteAuthentication(element);
            } else if (pings.answer(element)) {
                // The answer to a ping of ours (this keepalive's or an administrator's), on this stream: nothing for
                // the session behind us.
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void noteAuthentication(XmlElement element) {
        if (Dialback.isResult(element) && element.attribute("type").filter("valid"::equals).isPresent()) {
            localDomain = element.attribute("to").orElse(headerDomain);
            state = State.WATCHING;
        } else if (SaslExternal.is(element, "success")) {
            localDomain = headerDomain;
            state = State.WATCHING;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (state == State.WATCHING) {
                ping(ctx);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void ping(ChannelHandlerContext ctx) {
        // One ping at a time, so whichever answer arrives is the answer to this one.
        pingId = pings.register(localDomain, remoteDomain, answer -> ctx.executor().execute(this::answered));
        state = State.AWAITING_ANSWER;
        pingedAt = System.nanoTime();
        ctx.writeAndFlush(XmlWriter.write(ServerPings.request(localDomain, remoteDomain, pingId), ServerStreams.SCOPE));
        deadline = ctx.executor().schedule(() -> unanswered(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void answered() {
        if (state == State.AWAITING_ANSWER) {
            deadline.cancel(false);
            state = State.WATCHING;
        }
    }

    private void unanswered(ChannelHandlerContext ctx) {
        if (state != State.AWAITING_ANSWER) {
            return;
        }
        if (pings.answersHeldUp(localDomain, remoteDomain, pingedAt, timeout)) {
            // We stopped reading the peer's stream to us, where its answer usually comes: no sign of death.
            deadline = ctx.executor().schedule(() -> unanswered(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        state = State.CLOSED;
        pings.abandon(pingId);
        LOG.log(Level.INFO, "{0} did not answer our ping within {1} ms; closing the stream as dead", remoteDomain,
                timeout.toMillis());
        ctx.channel().close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.AWAITING_ANSWER) {
            deadline.cancel(false);
            pings.abandon(pingId);
        }
        state = State.CLOSED;
        ctx.fireChannelInactive();
    }
}
