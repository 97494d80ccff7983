package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.tls.CertificateDecision;
import dev.parley.xmpp.tls.CertificateVerdict;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLSession;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The initiating server's side of one S2S stream's negotiation (RFC 6120 §4.3, §5, §6), as a state
 * machine over {@link OutboundStreamState}: our header, the receiving server's header and features,
 * STARTTLS as the {@link TlsPolicy} for the remote domain demands, the check of its certificate
 * after the handshake, SASL EXTERNAL with our certificate when offered (XEP-0178; only for sessions,
 * a dialback verification needs no authentication), and finally the stream reported
 * {@link OutboundStreamEvents#ready ready} with what was {@link NegotiatedStream negotiated}.
 * A remote domain that cannot meet the policy fails the stream with a reason that says so.
 */
final class OutboundStreamHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    private static final System.Logger LOG = System.getLogger(OutboundStreamHandler.class.getName());

    private final String localDomain;
    private final String remoteDomain;
    private final OutboundStreamEvents events;
    private final S2sTls tls;
    private final TlsPolicy policy;
    private final XmlLimits limits;
    private final boolean authenticate;
    private final boolean directTls;
    private OutboundStreamState state;
    private String streamId;
    private Optional<TlsDetails> tlsDetails = Optional.empty();
    private XmlElement features;
    private boolean saslAuthenticated;
    private boolean saslRefused;
    private boolean ready;

    /**
     * @param authenticate whether to try SASL EXTERNAL (a session) or only reach the point where
     *                     dialback elements may flow (a verification)
     * @param directTls    whether the connection starts with TLS (XEP-0368), already in the pipeline
     */
    OutboundStreamHandler(String localDomain, String remoteDomain, OutboundStreamEvents events, S2sTls tls,
                          XmlLimits limits, boolean authenticate, boolean directTls) {
        this.localDomain = localDomain;
        this.remoteDomain = remoteDomain;
        this.events = events;
        this.tls = tls;
        this.policy = tls.policyFor(Optional.of(remoteDomain));
        this.limits = limits;
        this.authenticate = authenticate;
        this.directTls = directTls;
        this.state = directTls ? OutboundStreamState.TLS_HANDSHAKE : OutboundStreamState.AWAITING_HEADER;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!directTls) {
            sendHeader(ctx);
        }
        ctx.fireChannelActive();
    }

    private void sendHeader(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(ServerStreams.initialHeader(localDomain, remoteDomain).render());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        if (state == OutboundStreamState.CLOSED) {
            return;
        }
        if (event == XmlStreamEvent.StreamClosed.INSTANCE) {
            LOG.log(Level.DEBUG, "{0} closed its stream", remoteDomain);
            end(ctx, ready ? remoteDomain + " closed the stream"
                    : "the stream was closed by " + remoteDomain + " before it could be used");
            return;
        }
        if (event instanceof StreamOpened header) {
            if (state == OutboundStreamState.AWAITING_HEADER) {
                onHeader(ctx, header);
            }
            return;
        }
        XmlElement element = ((ElementReceived) event).element();
        if (ServerStreams.isStreamError(element)) {
            failOnStreamError(ctx, element);
            return;
        }
        switch (state) {
            case AWAITING_FEATURES -> onFeatures(ctx, element);
            case AWAITING_PROCEED -> onStartTlsAnswer(ctx, element);
            case AWAITING_SASL_RESULT -> onSaslResult(ctx, element);
            case READY -> events.received(element);
            case AWAITING_HEADER, TLS_HANDSHAKE, CLOSED -> {
                // Nothing may come before a header or during the handshake; the decoder would have framed nothing.
            }
        }
    }

    private void onHeader(ChannelHandlerContext ctx, StreamOpened header) {
        if (!header.namespace().equals(XmppNamespaces.STREAMS) || !header.name().equals("stream")
                || !header.defaultNamespace().filter(XmppNamespaces.SERVER::equals).isPresent()) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " did not answer with an XMPP server stream");
            return;
        }
        Optional<String> id = header.attribute("id");
        if (id.isEmpty()) {
            // Dialback keys are bound to the stream id; without one there is nothing to prove.
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " sent a stream header without id");
            return;
        }
        streamId = id.get();
        boolean hasFeatures = header.attribute("version").flatMap(StreamVersion::parse).filter(v -> v.major() >= 1).isPresent();
        if (hasFeatures) {
            state = OutboundStreamState.AWAITING_FEATURES;
        } else if (policy.requiresTls() && tlsDetails.isEmpty()) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " predates XMPP 1.0 and cannot do"
                    + " TLS, and the policy for it is " + policy);
        } else {
            // A pre-RFC 3920 server sends no features (RFC 6120 §4.7.5); dialback is all it has.
            becomeReady(ctx, true);
        }
    }

    private void onFeatures(ChannelHandlerContext ctx, XmlElement element) {
        if (!element.namespace().equals(XmppNamespaces.STREAMS) || !element.name().equals("features")) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " sent <" + element.name()
                    + "/> where stream features belong");
            return;
        }
        features = element;
        if (tlsDetails.isEmpty()) {
            onPlaintextFeatures(ctx);
        } else if (authenticate && !saslAuthenticated && !saslRefused && SaslExternal.offered(features)
                && tls.ownCertificateCovers(localDomain)) {
            state = OutboundStreamState.AWAITING_SASL_RESULT;
            ctx.writeAndFlush(XmlWriter.write(SaslExternal.auth(localDomain), ServerStreams.SCOPE));
        } else {
            becomeReady(ctx, dialbackOffered());
        }
    }

    private void onPlaintextFeatures(ChannelHandlerContext ctx) {
        Optional<XmlElement> startTls = StartTls.offered(features);
        if (startTls.isPresent() && policy != TlsPolicy.NONE) {
            state = OutboundStreamState.AWAITING_PROCEED;
            ctx.writeAndFlush(XmlWriter.write(StartTls.request(), ServerStreams.SCOPE));
        } else if (startTls.isEmpty() && policy.requiresTls()) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " does not offer TLS, and the policy"
                    + " for it is " + policy);
        } else if (startTls.filter(StartTls::required).isPresent()) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " requires TLS, and the policy for it"
                    + " is " + policy);
        } else {
            becomeReady(ctx, dialbackOffered());
        }
    }

    private void onStartTlsAnswer(ChannelHandlerContext ctx, XmlElement answer) {
        if (!StartTls.is(answer, "proceed")) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " refused to start TLS (<"
                    + answer.name() + "/>)");
            return;
        }
        state = OutboundStreamState.TLS_HANDSHAKE;
        StreamRestart.renewDecoder(ctx.pipeline(), limits);
        int port = ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address.getPort() : -1;
        tls.startClient(ctx.pipeline(), localDomain, remoteDomain, port);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof StreamEndedHere ended) {
            end(ctx, ended.reason());
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent handshake && state == OutboundStreamState.TLS_HANDSHAKE) {
            if (handshake.isSuccess()) {
                onHandshake(ctx, ctx.pipeline().get(SslHandler.class).engine().getSession());
            } else {
                fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "TLS with " + remoteDomain + " failed: "
                        + AuditTexts.failure(handshake.cause()));
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    /** The certificate decides whether the stream goes on; then it restarts over TLS (RFC 6120 §5.4.3.3). */
    private void onHandshake(ChannelHandlerContext ctx, SSLSession session) {
        CertificateVerdict verdict = tls.verify(TlsDetails.peerChain(session), remoteDomain);
        tlsDetails = Optional.of(TlsDetails.of(session, verdict));
        if (policy.decide(verdict) == CertificateDecision.REFUSE) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "the certificate of " + remoteDomain
                    + " is not accepted (policy " + policy + "): " + ((CertificateVerdict.Rejected) verdict).reason());
            return;
        }
        LOG.log(Level.DEBUG, "TLS with {0}: {1}, certificate {2}", remoteDomain, session.getProtocol(),
                tlsDetails.get().certificateNote());
        state = OutboundStreamState.AWAITING_HEADER;
        sendHeader(ctx);
    }

    private void onSaslResult(ChannelHandlerContext ctx, XmlElement result) {
        if (SaslExternal.is(result, "success")) {
            LOG.log(Level.INFO, "{0} accepted {1} by SASL EXTERNAL", remoteDomain, localDomain);
            saslAuthenticated = true;
            state = OutboundStreamState.AWAITING_HEADER;
            StreamRestart.renewDecoder(ctx.pipeline(), limits);
            sendHeader(ctx);
            return;
        }
        saslRefused = true;
        String condition = result.elements().stream().findFirst().map(XmlElement::name).orElse("failure");
        if (dialbackOffered()) {
            // XEP-0178 §4: the peer may not trust our CA; dialback on the same stream can still prove the domain.
            LOG.log(Level.INFO, "{0} refused SASL EXTERNAL for {1} ({2}); falling back to dialback", remoteDomain,
                    localDomain, condition);
            becomeReady(ctx, true);
        } else {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " refused SASL EXTERNAL for "
                    + localDomain + " (" + condition + ") and offers no dialback");
        }
    }

    private boolean dialbackOffered() {
        return features.elements().stream().anyMatch(feature -> feature.namespace().equals(Dialback.FEATURE_NAMESPACE));
    }

    private void becomeReady(ChannelHandlerContext ctx, boolean dialbackOffered) {
        state = OutboundStreamState.READY;
        ready = true;
        LOG.log(Level.DEBUG, "stream {0} to {1} ({2}) negotiated", streamId, remoteDomain, ctx.channel().remoteAddress());
        boolean streamManagementOffered = features != null && StreamManagement.offered(features);
        events.ready(ctx.channel(), new NegotiatedStream(streamId, tlsDetails, saslAuthenticated, dialbackOffered,
                streamManagementOffered));
    }

    private void failOnStreamError(ChannelHandlerContext ctx, XmlElement error) {
        fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                remoteDomain + " ended the stream with the error " + StreamError.describe(error));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "stream to {0} failed: {1}", remoteDomain, cause.toString());
        // TLS failures arrive wrapped by the handler that decoded them; the wrapped one says what happened.
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "the connection to " + remoteDomain + " failed: "
                + reason.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ctx, "the connection to " + remoteDomain + " was lost");
        ctx.fireChannelInactive();
    }

    /** The stream ended: a failure while negotiating, a plain close once it served. */
    private void end(ChannelHandlerContext ctx, String reason) {
        if (ready) {
            if (state != OutboundStreamState.CLOSED) {
                state = OutboundStreamState.CLOSED;
                ctx.close();
                events.closed(reason);
            }
        } else {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, reason);
        }
    }

    private void fail(ChannelHandlerContext ctx, StanzaErrorCondition condition, String reason) {
        if (state == OutboundStreamState.CLOSED) {
            return;
        }
        boolean wasReady = ready;
        state = OutboundStreamState.CLOSED;
        ServerStreams.close(ctx.channel());
        if (wasReady) {
            events.closed(reason);
        } else {
            events.failed(condition, reason);
        }
    }
}
