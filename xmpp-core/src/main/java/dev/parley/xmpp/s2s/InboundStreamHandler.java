package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import dev.parley.xmpp.xml.XmlViolationException;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.io.IOException;
import java.util.List;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The receiving server's side of one S2S stream (RFC 6120 §4.2–4.4, §4.9), as a state machine
 * over {@link InboundStreamState}. Answers the initial header with our header and features,
 * ends the stream with a stream error when anything goes wrong, and answers the peer's
 * {@code </stream:stream>} with ours. Writes text; the pipeline's encoder makes UTF-8 of it.
 *
 * <p>With dialback on, the header declares the {@code db} prefix, the features offer dialback, and
 * every first-level element is passed on to the dialback handler and the stanza gate behind this
 * one; they end the stream through a {@link StreamFailure} event. Without it (a bare listener) every
 * first-level element is refused with {@code not-authorized}: RFC 6120 forbids stanzas on a stream
 * that is not authenticated.
 */
final class InboundStreamHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    private static final System.Logger LOG = System.getLogger(InboundStreamHandler.class.getName());
    private static final String CLOSING_TAG = ServerStreams.CLOSING_TAG;

    private final InitialHeaderCheck headerCheck;
    private final boolean dialback;
    private InboundStreamState state = InboundStreamState.AWAITING_HEADER;
    private StreamHeader ourHeader;

    /** {@code dialback}: whether handlers behind this one authenticate the peer and take its stanzas. */
    InboundStreamHandler(InitialHeaderCheck headerCheck, boolean dialback) {
        this.headerCheck = headerCheck;
        this.dialback = dialback;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        switch (state) {
            case AWAITING_HEADER -> {
                // The decoder emits nothing before the root start tag, so this is the header.
                if (event instanceof StreamOpened opened) {
                    answerHeader(ctx, opened);
                }
            }
            case OPEN -> {
                if (event instanceof ElementReceived received) {
                    if (dialback) {
                        ctx.fireChannelRead(received.element());
                    } else {
                        refuseBeforeAuthentication(ctx, received.element());
                    }
                } else {
                    closeOnPeersRequest(ctx);
                }
            }
            case CLOSED -> {
                // Our closing tag is out; whatever the peer still sends changes nothing.
            }
        }
    }

    private void answerHeader(ChannelHandlerContext ctx, StreamOpened opened) {
        HeaderAnswer answer = headerCheck.answer(opened);
        ourHeader = dialback ? answer.header().withPrefix(Dialback.PREFIX, Dialback.NAMESPACE) : answer.header();
        if (answer.error().isPresent()) {
            LOG.log(Level.DEBUG, "refusing stream from {0} (from={1}, to={2}): {3}", ctx.channel().remoteAddress(),
                    opened.attribute("from").orElse("-"), opened.attribute("to").orElse("-"),
                    answer.error().get().condition().elementName());
            endWithError(ctx, ourHeader.render(), answer.error().get());
            return;
        }
        state = InboundStreamState.OPEN;
        LOG.log(Level.DEBUG, "stream {0} opened by {1} (from={2}, to={3})", ourHeader.id().orElseThrow(),
                ctx.channel().remoteAddress(), opened.attribute("from").orElse("-"), ourHeader.from().orElseThrow());
        // STARTTLS and SASL EXTERNAL will join dialback here.
        XmlElement offered = dialback
                ? new XmlElement("features", XmppNamespaces.STREAMS, List.of(), List.of(Dialback.feature()))
                : XmlElement.empty("features", XmppNamespaces.STREAMS);
        String features = answer.offersFeatures() ? XmlWriter.write(offered, ourHeader.scope()) : "";
        ctx.writeAndFlush(ourHeader.render() + features);
        if (dialback) {
            ctx.fireUserEventTriggered(new InboundStreamOpened(ourHeader.id().orElseThrow()));
        }
    }

    private void refuseBeforeAuthentication(ChannelHandlerContext ctx, XmlElement element) {
        LOG.log(Level.DEBUG, "refusing <{0}/> from unauthenticated peer {1}", element.name(), ctx.channel().remoteAddress());
        endWithError(ctx, "", StreamError.of(StreamErrorCondition.NOT_AUTHORIZED,
                "the stream must be authenticated before stanzas are sent"));
    }

    private void closeOnPeersRequest(ChannelHandlerContext ctx) {
        LOG.log(Level.DEBUG, "stream {0} closed by peer {1}", ourHeader.id().orElseThrow(), ctx.channel().remoteAddress());
        state = InboundStreamState.CLOSED;
        // Both sides have closed their streams (RFC 6120 §4.4), so the connection can go.
        ctx.writeAndFlush(CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == StreamOpenDeadline.Expired.INSTANCE) {
            if (state == InboundStreamState.AWAITING_HEADER) {
                LOG.log(Level.DEBUG, "no stream header from {0} in time", ctx.channel().remoteAddress());
                fail(ctx, StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "no stream header received in time"));
            }
        } else if (event instanceof StreamFailure failure) {
            fail(ctx, failure.error());
        } else if (event == ListenerShutdown.INSTANCE) {
            if (state != InboundStreamState.CLOSED) {
                fail(ctx, StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN));
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof XmlViolationException violation) {
            LOG.log(Level.DEBUG, "unacceptable XML from {0}: {1}", ctx.channel().remoteAddress(), violation.getMessage());
            fail(ctx, StreamError.of(StreamErrorCondition.of(violation.violation()), violation.getMessage()));
        } else if (cause instanceof IOException) {
            // Resets and broken pipes are the network's business, not a stream error to report.
            LOG.log(Level.DEBUG, "connection to {0} failed: {1}", ctx.channel().remoteAddress(), cause.toString());
            state = InboundStreamState.CLOSED;
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "unexpected failure on stream from " + ctx.channel().remoteAddress(), cause);
            fail(ctx, StreamError.of(StreamErrorCondition.INTERNAL_SERVER_ERROR));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state != InboundStreamState.CLOSED) {
            LOG.log(Level.DEBUG, "{0} disconnected without closing its stream", ctx.channel().remoteAddress());
            state = InboundStreamState.CLOSED;
        }
        ctx.fireChannelInactive();
    }

    /** Ends the stream with {@code error}, opening it first if the peer's header never arrived. */
    private void fail(ChannelHandlerContext ctx, StreamError error) {
        if (state == InboundStreamState.CLOSED) {
            return;
        }
        String opening = "";
        if (state == InboundStreamState.AWAITING_HEADER) {
            // RFC 6120 §4.9.1.2: even an error before the header needs an opening stream tag.
            // Nothing is known about the peer, so the header says no more than it must.
            ourHeader = new StreamHeader(Optional.empty(), Optional.empty(), Optional.of(StreamIds.next()),
                    Optional.of(StreamVersion.V1_0), Optional.of("en"), XmppNamespaces.SERVER);
            opening = ourHeader.render();
        }
        endWithError(ctx, opening, error);
    }

    private void endWithError(ChannelHandlerContext ctx, String opening, StreamError error) {
        state = InboundStreamState.CLOSED;
        // A stream error is unrecoverable (RFC 6120 §4.9.1.1): send it with our closing tag, then
        // drop the connection without waiting for the peer's closing tag.
        ctx.writeAndFlush(opening + error.render(ourHeader.scope()) + CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
    }
}
