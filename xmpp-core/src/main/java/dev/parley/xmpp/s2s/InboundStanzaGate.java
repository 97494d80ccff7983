package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Lets through only stanzas that an authenticated domain pair covers, and hands them to the host.
 * RFC 6120 §4.9.3.9 and §13.1: a stanza whose {@code from} domain did not authenticate for its
 * {@code to} domain on this stream is spoofing and ends the stream with {@code invalid-from};
 * it is never delivered.
 */
final class InboundStanzaGate extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundStanzaGate.class.getName());

    private final InboundSession session;
    private final StanzaListener listener;

    InboundStanzaGate(InboundSession session, StanzaListener listener) {
        this.session = session;
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        if (!ServerStreams.isStanza(element)) {
            refuse(ctx, element, StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "<" + element.name() + "/> in "
                    + element.namespace() + " is not understood on a server stream");
            return;
        }
        if (!session.isAuthenticated()) {
            refuse(ctx, element, StreamErrorCondition.NOT_AUTHORIZED,
                    "the stream must be authenticated before stanzas are sent");
            return;
        }
        Optional<String> from = element.attribute("from");
        Optional<String> to = element.attribute("to");
        if (from.isEmpty() || to.isEmpty()) {
            refuse(ctx, element, StreamErrorCondition.IMPROPER_ADDRESSING, "stanzas between servers need 'from' and 'to'");
            return;
        }
        if (!session.allows(Domains.domainOf(to.get()), Domains.domainOf(from.get()))) {
            refuse(ctx, element, StreamErrorCondition.INVALID_FROM,
                    "the sending domain is not authenticated for the receiving domain on this stream");
            return;
        }
        session.delivered();
        Bouncer.deliver(listener, element);
    }

    private static void refuse(ChannelHandlerContext ctx, XmlElement element, StreamErrorCondition condition, String text) {
        LOG.log(Level.INFO, "refusing <{0}/> from={1} to={2} from {3}: {4}", element.name(),
                element.attribute("from").orElse("-"), element.attribute("to").orElse("-"),
                ctx.channel().remoteAddress(), condition.elementName());
        ctx.pipeline().fireUserEventTriggered(new StreamFailure(StreamError.of(condition, text)));
    }
}
