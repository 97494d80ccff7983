package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Optional;

/**
 * XEP-0199 on an inbound stream, for the server itself rather than its users: a peer's ping to one
 * of our domains is answered here with an empty {@code result} (XEP-0199 §7: a server answers
 * pings to itself) once every stanza the peer sent before it was taken by the host ({@link InboundBacklog}), so that
 * the answer is a receipt for them; the answer to one of our own pings is handed to the {@link PingKeepalive}
 * that waits for it. Neither reaches the host. Both count only from a domain pair authenticated on
 * this stream; anything else goes on to the stanza gate, which refuses or delivers it.
 *
 * <p>Sits in front of the idle timer, so that pings keep a stream alive but do not keep it open.
 */
final class InboundPingHandler extends SimpleChannelInboundHandler<XmlElement> {

    private final ListenerConfig config;
    private final InboundSession session;
    private final ServerPings pings;
    private final StanzaSender replies;
    private final InboundBacklog backlog;

    /**
     * {@code replies}: our answers go out over our own stream to the peer, not back on this one; {@code backlog}: the
     * stream's stanzas not yet taken by the host.
     */
    InboundPingHandler(ListenerConfig config, InboundSession session, ServerPings pings, StanzaSender replies,
                       InboundBacklog backlog) {
        this.config = config;
        this.session = session;
        this.pings = pings;
        this.replies = replies;
        this.backlog = backlog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        Optional<Addresses> authenticated = ServerStreams.isStanza(element) ? authenticated(element) : Optional.empty();
        if (authenticated.isEmpty()) {
            ctx.fireChannelRead(element);
        } else if (ServerPings.isServerPing(element)) {
            Addresses addresses = authenticated.get();
            XmlElement answer = ServerPings.result(element);
            backlog.afterAllTaken(() -> replies.answer(addresses.to(), addresses.from(), answer));
        } else if (!pings.answer(element)) {
            ctx.fireChannelRead(element);
        }
    }

    /** The domains a stanza is from and to, read once: every stanza of the stream comes through here. */
    private record Addresses(String from, String to) {
    }

    /** The stanza's domains, when they are a pair authenticated on this stream and its {@code to} is one of ours. */
    private Optional<Addresses> authenticated(XmlElement element) {
        try {
            String to = Jid.parse(element.attribute("to").orElse("")).domainpart();
            String from = Jid.parse(element.attribute("from").orElse("")).domainpart();
            return config.serves(to) && session.allows(to, from) ? Optional.of(new Addresses(from, to)) : Optional.empty();
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }
}
