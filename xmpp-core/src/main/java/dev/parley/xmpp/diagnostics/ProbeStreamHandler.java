package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The probe's side of a stream with a remote server, as a state machine: our header, the peer's header and
 * features, STARTTLS when offered and wanted (or TLS from the first byte on a direct-TLS connection), the handshake,
 * and the restarted stream's header and features. It sends nothing else (no stanza, no authentication) and stops
 * there; the {@link StreamProbe} then closes the stream.
 *
 * <p>Each phase completes a future that the probe's thread waits for with the phase's limit: the opening (for direct
 * TLS, after the handshake), the handshake, the opening after STARTTLS. A phase that fails completes exceptionally
 * with a {@link ProbeStreamException} saying what the peer did, and the connection is closed.
 */
final class ProbeStreamHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    /** The pipeline name of the XML decoder, replaced at the restart after STARTTLS. */
    static final String DECODER = "xml-decoder";
    private static final String TLS_HANDLER = "tls";

    enum State {
        /** Our header is sent; the peer's comes next. */
        AWAITING_HEADER,
        /** The peer's header came; its features come next. */
        AWAITING_FEATURES,
        /** {@code <starttls/>} is sent; {@code <proceed/>} comes next. */
        AWAITING_PROCEED,
        /** TLS is being negotiated. */
        TLS_HANDSHAKE,
        /** As far as the probe goes: nothing more is read; the stream may be closed politely. */
        NEGOTIATED,
        /** Failed or closed. */
        CLOSED
    }

    private final StreamHeader header;
    private final XmlLimits limits;
    private final Function<Channel, SslHandler> tls;
    private final boolean directTls;
    private final boolean startTls;
    private final CompletableFuture<StreamOpening> opening = new CompletableFuture<>();
    private final CompletableFuture<TlsHandshake> handshake = new CompletableFuture<>();
    private final CompletableFuture<StreamOpening> restarted = new CompletableFuture<>();
    /** Read by the probe's thread to say what a timeout interrupted. */
    private volatile State state;
    /** The phase waiting for the peer; only the event loop touches it. */
    private CompletableFuture<?> phase;
    private StreamOpened peerHeader;
    private boolean encrypted;

    /**
     * @param tls       makes the client-side TLS handler, towards the remote domain
     * @param directTls whether the connection starts with TLS, whose handler is in front already
     * @param startTls  whether to negotiate STARTTLS when the peer offers it (the engine would, unless its policy for
     *                  the domain is {@code NONE})
     */
    ProbeStreamHandler(StreamHeader header, XmlLimits limits, Function<Channel, SslHandler> tls, boolean directTls,
                       boolean startTls) {
        this.header = header;
        this.limits = limits;
        this.tls = tls;
        this.directTls = directTls;
        this.startTls = startTls;
    }

    /** The peer's first header and features; for direct TLS, after the handshake. */
    CompletableFuture<StreamOpening> opening() {
        return opening;
    }

    /** The TLS handshake, after STARTTLS or from the first byte. */
    CompletableFuture<TlsHandshake> handshake() {
        return handshake;
    }

    /** The peer's header and features after the restart that follows STARTTLS. */
    CompletableFuture<StreamOpening> restarted() {
        return restarted;
    }

    /** Whether the stream got as far as the probe goes, so that it can be closed with a closing tag. */
    boolean negotiated() {
        return state == State.NEGOTIATED;
    }

    /** What the stream waits for from the peer now, as a timeout says it: "its stream header". */
    String waitingFor() {
        return switch (state) {
            case AWAITING_HEADER -> "its stream header";
            case AWAITING_FEATURES -> "its stream features";
            case AWAITING_PROCEED -> "its answer to STARTTLS";
            case TLS_HANDSHAKE -> "the TLS handshake to finish";
            case NEGOTIATED, CLOSED -> "nothing";
        };
    }

    /** Added to a connected channel: starts at once (our header), or waits for the direct-TLS handshake. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            // Closed between the TCP step and now: no inactive event will come to say so.
            phase = directTls ? handshake : opening;
            state = State.AWAITING_HEADER;
            fail(ctx, "closed the connection before the stream began");
            return;
        }
        if (directTls) {
            state = State.TLS_HANDSHAKE;
            phase = handshake;
        } else {
            phase = opening;
            sendHeader(ctx);
        }
    }

    private void sendHeader(ChannelHandlerContext ctx) {
        state = State.AWAITING_HEADER;
        ctx.writeAndFlush(header.render());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        State now = state;
        if (now == State.NEGOTIATED || now == State.CLOSED) {
            return;
        }
        if (event == XmlStreamEvent.StreamClosed.INSTANCE) {
            fail(ctx, "closed its stream while the probe waited for " + waitingFor());
            return;
        }
        if (event instanceof StreamOpened opened) {
            if (now == State.AWAITING_HEADER) {
                onHeader(ctx, opened);
            }
            return;
        }
        XmlElement element = ((ElementReceived) event).element();
        if (element.namespace().equals(XmppNamespaces.STREAMS) && element.name().equals("error")) {
            fail(ctx, "ended the stream with the error " + StreamError.describe(element));
            return;
        }
        switch (now) {
            case AWAITING_FEATURES -> onFeatures(ctx, element);
            case AWAITING_PROCEED -> onStartTlsAnswer(ctx, element);
            default -> {
                // Nothing comes before a header or during the handshake.
            }
        }
    }

    private void onHeader(ChannelHandlerContext ctx, StreamOpened opened) {
        if (!opened.namespace().equals(XmppNamespaces.STREAMS) || !opened.name().equals("stream")
                || !opened.defaultNamespace().filter(XmppNamespaces.SERVER::equals).isPresent()) {
            fail(ctx, "did not answer with an XMPP server-to-server stream (<" + opened.name() + "/> in '"
                    + opened.namespace() + "')");
            return;
        }
        peerHeader = opened;
        if (version().filter(version -> version.major() >= 1).isPresent()) {
            state = State.AWAITING_FEATURES;
        } else {
            // Before XMPP 1.0 there are no features (RFC 6120 §4.7.5), hence no TLS: this is as far as it goes.
            finish(Optional.empty());
        }
    }

    private void onFeatures(ChannelHandlerContext ctx, XmlElement features) {
        if (!features.namespace().equals(XmppNamespaces.STREAMS) || !features.name().equals("features")) {
            fail(ctx, "sent <" + features.name() + "/> where its stream features belong");
            return;
        }
        if (!encrypted && startTls && StartTls.offered(features).isPresent()) {
            CompletableFuture<StreamOpening> plaintext = currentOpening();
            state = State.AWAITING_PROCEED;
            phase = handshake;
            ctx.writeAndFlush(XmlWriter.write(StartTls.request(), header.scope()));
            plaintext.complete(openingWith(Optional.of(features)));
        } else {
            finish(Optional.of(features));
        }
    }

    private void onStartTlsAnswer(ChannelHandlerContext ctx, XmlElement answer) {
        if (!StartTls.is(answer, "proceed")) {
            fail(ctx, "refused to start TLS (<" + answer.name() + "/>)");
            return;
        }
        state = State.TLS_HANDSHAKE;
        // The restarted stream is a new document, which the old parser cannot begin (RFC 6120 §5.4.3.3).
        ctx.pipeline().replace(DECODER, DECODER, new XmlStreamDecoder(limits));
        ctx.pipeline().addFirst(TLS_HANDLER, tls.apply(ctx.channel()));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent completion && state == State.TLS_HANDSHAKE) {
            if (completion.isSuccess()) {
                SslHandler handler = ctx.pipeline().get(SslHandler.class);
                SSLSession session = handler.engine().getSession();
                encrypted = true;
                phase = currentOpening();
                sendHeader(ctx);
                handshake.complete(new TlsHandshake(session.getProtocol(), session.getCipherSuite(),
                        TlsDetails.peerChain(session), Optional.ofNullable(handler.applicationProtocol())));
            } else {
                fail(ctx, "failed the TLS handshake: " + Texts.message(completion.cause()));
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS and XML failures arrive wrapped by the handler that decoded them; the wrapped one says what happened.
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ctx, "broke the connection: " + Texts.message(reason));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state != State.NEGOTIATED && state != State.CLOSED) {
            fail(ctx, "closed the connection while the probe waited for " + waitingFor());
        }
        ctx.fireChannelInactive();
    }

    /** The last opening the probe waits for came: the stream is as far as the probe takes it. */
    private void finish(Optional<XmlElement> features) {
        CompletableFuture<StreamOpening> last = currentOpening();
        state = State.NEGOTIATED;
        phase = null;
        last.complete(openingWith(features));
    }

    private CompletableFuture<StreamOpening> currentOpening() {
        return encrypted && !directTls ? restarted : opening;
    }

    private StreamOpening openingWith(Optional<XmlElement> features) {
        return new StreamOpening(peerHeader.attribute("from").map(Texts::fromPeer),
                peerHeader.attribute("id").map(Texts::fromPeer), version(), features);
    }

    private Optional<StreamVersion> version() {
        return peerHeader.attribute("version").flatMap(StreamVersion::parse);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        CompletableFuture<?> failed = phase;
        state = State.CLOSED;
        phase = null;
        if (failed != null) {
            failed.completeExceptionally(new ProbeStreamException(Texts.fromPeer(reason)));
        }
        ctx.close();
    }
}
