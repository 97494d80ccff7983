package dev.parley.xmpp.s2s;

import dev.parley.xmpp.sasl.SaslExternal;
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
 * Everything else passes on.
 */
final class InboundSaslHandler extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundSaslHandler.class.getName());

    private final InboundNegotiation negotiation;

    InboundSaslHandler(InboundNegotiation negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        if (!SaslExternal.is(element, "auth")) {
            ctx.fireChannelRead(element);
            return;
        }
        Optional<XmlElement> refusal = negotiation.refusalOfAuth(element);
        if (refusal.isPresent()) {
            LOG.log(Level.INFO, "SASL EXTERNAL refused to {0}: {1}", ctx.channel().remoteAddress(),
                    refusal.get().elements().get(0).name());
            ctx.writeAndFlush(XmlWriter.write(refusal.get(), ServerStreams.SCOPE));
            return;
        }
        negotiation.saslSucceeded();
        LOG.log(Level.INFO, "{0} authenticated by SASL EXTERNAL", ctx.channel().remoteAddress());
        ctx.writeAndFlush(XmlWriter.write(SaslExternal.success(), ServerStreams.SCOPE));
        ctx.pipeline().fireUserEventTriggered(StreamRestart.INSTANCE);
    }
}
