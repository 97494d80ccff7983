package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.xml.XmlLimits;
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
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The receiving server's side of one S2S stream (RFC 6120 §4.2–4.4, §4.9), as a state machine
 * over {@link InboundStreamState}. Answers the initial header with our header and features,
 * ends the stream with a stream error when anything goes wrong, and answers the peer's
 * {@code </stream:stream>} with ours. Writes text; the pipeline's encoder makes UTF-8 of it.
 *
 * <p>With negotiation on (the engine's streams), the header declares the {@code db} prefix, the
 * features are those the {@link InboundNegotiation} allows (STARTTLS, SASL EXTERNAL, dialback), and
 * this handler does STARTTLS itself, since it changes the stream: {@code <proceed/>}, the TLS handler
 * in front of the pipeline, a fresh decoder and a new header. Every other first-level element is
 * passed on to the SASL and dialback handlers and the stanza gate behind this one; they end the
 * stream through a {@link StreamFailure} event and restart it through {@link StreamRestart}. Without
 * negotiation (a bare listener) every first-level element is refused with {@code not-authorized}:
 * RFC 6120 forbids stanzas on a stream that is not authenticated.
 *
 * <p>A stream error this handler decides on while no domain pair is authenticated refuses the peer, and is
 * {@linkplain InboundSession#refused reported} so; the handlers behind report their own refusals. Whatever ends the
 * stream, the first reason given is what its {@link InboundSession} reports when it closes.
 */
final class InboundStreamHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    private static final System.Logger LOG = System.getLogger(InboundStreamHandler.class.getName());
    private static final String CLOSING_TAG = ServerStreams.CLOSING_TAG;

    private final InitialHeaderCheck headerCheck;
    private final Optional<InboundNegotiation> negotiation;
    private final Optional<InboundSession> session;
    private final XmlLimits limits;
    private final boolean dialback;
    private final Consumer<Runnable> afterStanzasTaken;
    private InboundStreamState state = InboundStreamState.AWAITING_HEADER;
    private StreamHeader ourHeader;

    /**
     * {@code negotiation}: present when handlers behind this one authenticate the peer and take its
     * stanzas; {@code limits} for the fresh decoder of a restarted stream; {@code afterStanzasTaken} runs our answer to
     * the peer's closing tag once the host took every stanza before it, so that the acknowledgements the peer asked
     * for go out first (after our closing tag it reads nothing, and would send those stanzas again).
     */
    InboundStreamHandler(InitialHeaderCheck headerCheck, Optional<InboundNegotiation> negotiation, XmlLimits limits,
                         Consumer<Runnable> afterStanzasTaken) {
        this.headerCheck = headerCheck;
        this.negotiation = negotiation;
        this.session = negotiation.map(InboundNegotiation::session);
        this.limits = limits;
        this.dialback = negotiation.isPresent();
        this.afterStanzasTaken = afterStanzasTaken;
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
                if (event instanceof ElementReceived received && ServerStreams.isStreamError(received.element())) {
                    // The peer ends its stream (RFC 6120 §4.9.1): close ours too; an error is not answered with one.
                    String error = StreamError.describe(received.element());
                    LOG.log(Level.INFO, "peer {0} ended its stream with the error {1}", ctx.channel().remoteAddress(),
                            error);
                    closeOnPeersRequest(ctx, "the peer ended the stream with the stream error " + error);
                } else if (event instanceof ElementReceived received) {
                    onElement(ctx, received.element());
                } else {
                    closeOnPeersRequest(ctx, "the peer closed the stream");
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
        session.ifPresent(stream -> stream.named(ourHeader.from(), opened.attribute("from")));
        if (answer.error().isPresent()) {
            LOG.log(Level.DEBUG, "refusing stream from {0} (from={1}, to={2}): {3}", ctx.channel().remoteAddress(),
                    opened.attribute("from").orElse("-"), opened.attribute("to").orElse("-"),
                    answer.error().get().condition().elementName());
            reportRefusal(ServerStreams.describe(answer.error().get()));
            endWithError(ctx, ourHeader.render(), answer.error().get());
            return;
        }
        if (negotiation.isPresent()) {
            Optional<StreamError> refused = negotiation.get().onHeader(opened.attribute("from"),
                    ourHeader.from().orElseThrow(), answer.offersFeatures(), tlsSession(ctx));
            if (refused.isPresent()) {
                LOG.log(Level.INFO, "refusing stream from {0} ({1}): {2}", opened.attribute("from").orElse("-"),
                        ctx.channel().remoteAddress(), refused.get().text().orElse(""));
                reportRefusal(ServerStreams.describe(refused.get()));
                endWithError(ctx, ourHeader.render(), refused.get());
                return;
            }
        }
        state = InboundStreamState.OPEN;
        LOG.log(Level.DEBUG, "stream {0} opened by {1} (from={2}, to={3})", ourHeader.id().orElseThrow(),
                ctx.channel().remoteAddress(), opened.attribute("from").orElse("-"), ourHeader.from().orElseThrow());
        XmlElement offered = negotiation.map(InboundNegotiation::features)
                .orElseGet(() -> XmlElement.empty("features", XmppNamespaces.STREAMS));
        String features = answer.offersFeatures() ? XmlWriter.write(offered, ourHeader.scope()) : "";
        ctx.writeAndFlush(ourHeader.render() + features);
        if (dialback) {
            ctx.fireUserEventTriggered(new InboundStreamOpened(ourHeader.id().orElseThrow()));
        }
    }

    private void onElement(ChannelHandlerContext ctx, XmlElement element) {
        if (negotiation.isEmpty()) {
            refuseBeforeAuthentication(ctx, element);
        } else if (StartTls.is(element, "starttls")) {
            onStartTls(ctx, negotiation.get());
        } else if (negotiation.get().tlsRequiredFirst()) {
            LOG.log(Level.INFO, "refusing <{0}/> before STARTTLS from {1}", element.name(), ctx.channel().remoteAddress());
            refuse(ctx, StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "TLS is required: negotiate STARTTLS first"));
        } else {
            ctx.fireChannelRead(element);
        }
    }

    /**
     * RFC 6120 §5.4.2: {@code <proceed/>} goes out in plaintext (it is written before the TLS handler
     * exists), then TLS starts and the peer opens a new stream over it. A request we did not invite
     * gets {@code <failure/>}, which ends the stream (§5.4.2.2).
     */
    private void onStartTls(ChannelHandlerContext ctx, InboundNegotiation negotiation) {
        if (!negotiation.startTlsOffered()) {
            LOG.log(Level.DEBUG, "refusing STARTTLS that was not offered to {0}", ctx.channel().remoteAddress());
            String refusal = "STARTTLS was requested but not offered";
            reportRefusal(refusal);
            session.ifPresent(stream -> stream.ending(refusal));
            state = InboundStreamState.CLOSED;
            ctx.writeAndFlush(XmlWriter.write(StartTls.failure(), ourHeader.scope()) + CLOSING_TAG)
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(XmlWriter.write(StartTls.proceed(), ourHeader.scope()));
        negotiation.startTls(ctx.pipeline());
        restart(ctx);
    }

    /** The next thing from the peer is a new header, parsed by a fresh decoder. */
    private void restart(ChannelHandlerContext ctx) {
        StreamRestart.renewDecoder(ctx.pipeline(), limits);
        state = InboundStreamState.AWAITING_HEADER;
    }

    private static Optional<SSLSession> tlsSession(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        return tls == null ? Optional.empty() : Optional.of(tls.engine().getSession());
    }

    private void refuseBeforeAuthentication(ChannelHandlerContext ctx, XmlElement element) {
        LOG.log(Level.DEBUG, "refusing <{0}/> from unauthenticated peer {1}", element.name(), ctx.channel().remoteAddress());
        endWithError(ctx, "", StreamError.of(StreamErrorCondition.NOT_AUTHORIZED,
                "the stream must be authenticated before stanzas are sent"));
    }

    private void closeOnPeersRequest(ChannelHandlerContext ctx, String why) {
        LOG.log(Level.DEBUG, "stream {0} closed by peer {1}", ourHeader.id().orElseThrow(), ctx.channel().remoteAddress());
        session.ifPresent(stream -> stream.ending(why));
        state = InboundStreamState.CLOSED;
        // Both sides have closed their streams (RFC 6120 §4.4), so the connection can go.
        afterStanzasTaken.accept(() -> ctx.writeAndFlush(CLOSING_TAG).addListener(ChannelFutureListener.CLOSE));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == StreamOpenDeadline.Expired.INSTANCE) {
            if (state == InboundStreamState.AWAITING_HEADER) {
                LOG.log(Level.DEBUG, "no stream header from {0} in time", ctx.channel().remoteAddress());
                refuse(ctx, StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "no stream header received in time"));
            }
        } else if (event instanceof StreamFailure failure) {
            fail(ctx, failure.error());
        } else if (event == StreamRestart.INSTANCE) {
            restart(ctx);
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
            refuse(ctx, StreamError.of(StreamErrorCondition.of(violation.violation()), violation.getMessage()));
        } else if (cause instanceof IOException || cause instanceof NotSslRecordException
                || cause.getCause() instanceof SSLException) {
            // Resets, broken pipes and failed TLS handshakes are the network's business, not a stream
            // error to report: after a failed handshake there is no channel to report it on.
            LOG.log(Level.DEBUG, "connection to {0} failed: {1}", ctx.channel().remoteAddress(), cause.toString());
            session.ifPresent(stream -> stream.ending("the connection failed: " + AuditTexts.failure(cause)));
            state = InboundStreamState.CLOSED;
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "unexpected failure on stream from " + ctx.channel().remoteAddress(), cause);
            refuse(ctx, StreamError.of(StreamErrorCondition.INTERNAL_SERVER_ERROR));
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

    /** Ends the stream with {@code error}, a refusal of the peer if it has authenticated nothing yet. */
    private void refuse(ChannelHandlerContext ctx, StreamError error) {
        if (state != InboundStreamState.CLOSED) {
            reportRefusal(ServerStreams.describe(error));
        }
        fail(ctx, error);
    }

    /** During negotiation (no domain pair authenticated on the stream yet) ending the stream refuses the peer. */
    private void reportRefusal(String detail) {
        session.filter(stream -> !stream.isAuthenticated()).ifPresent(stream -> stream.refused(Optional.empty(), detail));
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
        session.ifPresent(stream -> stream.ending("stream error " + ServerStreams.describe(error)));
        // A stream error is unrecoverable (RFC 6120 §4.9.1.1): send it with our closing tag, then
        // drop the connection without waiting for the peer's closing tag.
        ctx.writeAndFlush(opening + error.render(ourHeader.scope()) + CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
    }
}
