package dev.parley.xmpp.s2s;

import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * XEP-0198 stream management on an inbound stream, on the receiving side: a peer that enables it (Prosody does, by
 * default, when it sees the feature) asks with {@code <r/>} how many of its stanzas we handled, and learns it from our
 * {@code <a h/>} once every stanza before the request was taken by the host ({@link InboundBacklog#afterAllTaken}),
 * like our answers to its pings: a peer that forgets what we acknowledged never forgets a stanza a crash here could
 * still lose, and one that keeps what we did not acknowledge can send it again or return it to its sender when the
 * stream breaks. Refused and answered stanzas count as handled too.
 *
 * <p>We send no stanzas on an inbound stream, so we ask for no acknowledgements here and take the peer's {@code <a/>}
 * as no news. Resumption is not offered. A restarted stream (after STARTTLS or SASL) starts without it. Before the
 * ping handler, so that it counts every stanza; a request before enabling goes on to the stanza gate, which refuses it.
 */
final class InboundStreamManagement extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundStreamManagement.class.getName());

    private final InboundBacklog backlog;
    private boolean enabled;
    /** Stanzas received since it was enabled; only the event loop touches it. */
    private long received;

    InboundStreamManagement(InboundBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        if (!StreamManagement.is(element) || !enabled && !element.name().equals("enable")) {
            if (enabled && ServerStreams.isStanza(element)) {
                received++;
            }
            ctx.fireChannelRead(element);
            return;
        }
        switch (element.name()) {
            case "enable" -> enable(ctx);
            case "r" -> acknowledgeWhenTaken(ctx, received);
            case "a" -> LOG.log(Level.DEBUG, "ignoring an acknowledgement from {0}: we send no stanzas on its stream",
                    ctx.channel().remoteAddress());
            default -> ctx.fireChannelRead(element);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof InboundStreamOpened) {
            // A new stream on the same connection: what was enabled on the old one is gone with it (XEP-0198 §3).
            enabled = false;
            received = 0;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void enable(ChannelHandlerContext ctx) {
        if (enabled) {
            write(ctx, StreamManagement.failed(StanzaErrorCondition.UNEXPECTED_REQUEST));
            return;
        }
        enabled = true;
        LOG.log(Level.DEBUG, "stream management enabled by {0}", ctx.channel().remoteAddress());
        write(ctx, StreamManagement.enabled());
    }

    private void acknowledgeWhenTaken(ChannelHandlerContext ctx, long handled) {
        backlog.afterAllTaken(() -> write(ctx, StreamManagement.acknowledgement(handled)));
    }

    /** Writes {@code element} on this stream; the stage completes once it is written or the connection dropped it. */
    private static CompletionStage<Void> write(ChannelHandlerContext ctx, XmlElement element) {
        CompletableFuture<Void> gone = new CompletableFuture<>();
        ctx.writeAndFlush(XmlWriter.write(element, ServerStreams.SCOPE)).addListener(done -> gone.complete(null));
        return gone;
    }
}
