package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Lets through only stanzas that an authenticated domain pair covers, addressed by valid JIDs, and hands them to the
 * host. RFC 6120 §4.9.3.9 and §13.1: a stanza whose {@code from} domain did not authenticate for its {@code to}
 * domain on this stream is spoofing and ends the stream with {@code invalid-from}; domains are compared in canonical
 * form, so case and U-label/A-label spellings do not matter. A {@code from} or {@code to} that is no JID under
 * RFC 7622 is the sender's mistake, not an attack on the stream: the stanza is answered with {@code jid-malformed}
 * (§8.3.3.8) on this stream, the only way back that works when the malformed address is the sender's own, and the
 * stream stays open. Neither is ever delivered. A stream error before any pair is authenticated refuses the peer and
 * is reported so.
 */
final class InboundStanzaGate extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundStanzaGate.class.getName());

    private final InboundSession session;
    private final InboundBacklog host;

    /** {@code host}: where the stanzas that pass go, counted until the host took them. */
    InboundStanzaGate(InboundSession session, InboundBacklog host) {
        this.session = session;
        this.host = host;
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
        Jid sender;
        Jid recipient;
        try {
            sender = Jid.parse(from.get());
        } catch (InvalidJidException e) {
            answerJidMalformed(ctx, element, "from", e);
            return;
        }
        try {
            recipient = Jid.parse(to.get());
        } catch (InvalidJidException e) {
            answerJidMalformed(ctx, element, "to", e);
            return;
        }
        if (!session.allows(recipient.domainpart(), sender.domainpart())) {
            refuse(ctx, element, StreamErrorCondition.INVALID_FROM,
                    "the sending domain is not authenticated for the receiving domain on this stream");
            return;
        }
        session.delivered();
        host.hand(element);
    }

    /**
     * A local domain of this stream is no longer served, or the host no longer federates with one of its remote
     * domains: the stream ends, since its peer must not rely on it.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        Optional<StreamError> ending = Optional.empty();
        if (event instanceof LocalDomainsRemoved removed && session.carriesAny(removed.domains())) {
            ending = Optional.of(StreamError.of(StreamErrorCondition.HOST_GONE,
                    "this server no longer serves " + String.join(", ", removed.domains())));
        } else if (event instanceof RemoteDomainPolicyChanged changed) {
            ending = session.refusalBy(changed.policy())
                    .map(reason -> StreamError.of(StreamErrorCondition.POLICY_VIOLATION, reason));
        }
        if (ending.isPresent()) {
            ctx.pipeline().fireUserEventTriggered(new StreamFailure(ending.get()));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /** Answers on the stream; an error stanza is never answered (RFC 6120 §8.3.1), only logged. */
    private static void answerJidMalformed(ChannelHandlerContext ctx, XmlElement element, String attribute,
                                           InvalidJidException malformed) {
        String reason = "'" + attribute + "' is not a valid JID: " + malformed.getMessage();
        LOG.log(Level.INFO, "not delivering <{0}/> from {1}: {2}", element.name(), ctx.channel().remoteAddress(), reason);
        Bounces.reply(element, StanzaError.of(StanzaErrorCondition.JID_MALFORMED, reason))
                .ifPresent(reply -> ctx.writeAndFlush(XmlWriter.write(reply, ServerStreams.SCOPE)));
    }

    private void refuse(ChannelHandlerContext ctx, XmlElement element, StreamErrorCondition condition, String text) {
        LOG.log(Level.INFO, "refusing <{0}/> from={1} to={2} from {3}: {4}", element.name(),
                element.attribute("from").orElse("-"), element.attribute("to").orElse("-"),
                ctx.channel().remoteAddress(), condition.elementName());
        StreamError error = StreamError.of(condition, text);
        if (!session.isAuthenticated()) {
            session.refused(Optional.empty(), ServerStreams.describe(error));
        }
        ctx.pipeline().fireUserEventTriggered(new StreamFailure(error));
    }
}
