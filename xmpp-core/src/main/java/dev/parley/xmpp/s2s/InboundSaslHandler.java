package dev.parley.xmpp.s2s;

import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The receiving server's side of SASL EXTERNAL (XEP-0178) on one inbound stream: an {@code <auth/>}
 * whose certificate the {@link InboundNegotiation} accepts for the header's domain gets
 * {@code <success/>}, authenticates that domain pair and restarts the stream; any other gets
 * {@code <failure/>} and the stream stays open, so that the peer can fall back to dialback.
 * A domain the host does not federate with ({@link InboundFederationPolicy}) is not authenticated
 * however good its certificate: the stream ends with {@code policy-violation}, since dialback
 * would be refused as well. Everything else passes on.
 */
final class InboundSaslHandler extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundSaslHandler.class.getName());

    private final InboundNegotiation negotiation;
    private final InboundFederationPolicy remoteDomains;

    InboundSaslHandler(InboundNegotiation negotiation, InboundFederationPolicy remoteDomains) {
        this.negotiation = negotiation;
        this.remoteDomains = remoteDomains;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        if (!SaslExternal.is(element, "auth")) {
            ctx.fireChannelRead(element);
            return;
        }
        Optional<XmlElement> refusal = negotiation.refusalOfAuth(element);
        if (refusal.isPresent()) {
            String failure = describe(refusal.get());
            LOG.log(Level.INFO, "SASL EXTERNAL refused to {0}: {1}", ctx.channel().remoteAddress(), failure);
            negotiation.session().refused(Optional.of(AuthMethod.SASL_EXTERNAL), "SASL EXTERNAL failure " + failure);
            ctx.writeAndFlush(XmlWriter.write(refusal.get(), ServerStreams.SCOPE));
            return;
        }
        Optional<StreamError> notFederated = remoteDomains.refusal(negotiation.session(), negotiation.localDomain(),
                negotiation.peerDomain().orElseThrow(), AuthMethod.SASL_EXTERNAL);
        if (notFederated.isPresent()) {
            ctx.pipeline().fireUserEventTriggered(new StreamFailure(notFederated.get()));
            return;
        }
        negotiation.saslSucceeded();
        LOG.log(Level.INFO, "{0} authenticated by SASL EXTERNAL", ctx.channel().remoteAddress());
        ctx.writeAndFlush(XmlWriter.write(SaslExternal.success(), ServerStreams.SCOPE));
        ctx.pipeline().fireUserEventTriggered(StreamRestart.INSTANCE);
    }

    /** A {@code <failure/>}'s condition and text, e.g. {@code invalid-authzid: the authorization identity must be …}. */
    private static String describe(XmlElement failure) {
        String condition = failure.elements().get(0).name();
        return failure.elements().stream().filter(child -> child.name().equals("text")).findFirst()
                .map(text -> condition + ": " + text.text()).orElse(condition);
    }
}
