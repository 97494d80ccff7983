package dev.parley.xmpp.s2s;

import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.lang.System.Logger.Level;
import java.util.OptionalLong;

/**
 * XEP-0198 stream management on an outbound stream, on the initiating side: once its writer {@link #enable enables}
 * it, counts every stanza that leaves on the connection — the writer's, the keepalive's pings, answers to the peer's
 * pings — as the remote server counts what it handles, so that the {@code h} of its {@code <a/>} says how far it got.
 * The remote server's answers come on this very connection, not on its stream back to us as ping answers do.
 *
 * <p>Counting happens here, between the writers and the socket, because only here every write passes: a stanza is
 * told by the start of what is written, which {@link XmlWriter} makes an unprefixed {@code <message}, {@code <presence}
 * or {@code <iq}. The remote server's {@code <r/>} is answered with the stanzas it sent us on this connection since
 * it said {@code <enabled/>} (rarely any: servers answer on their own streams). An {@code <a/>} that counts more
 * than was sent, or goes back, ends the stream with {@code undefined-condition}, as the XEP wants.
 *
 * <p>On the event loop only: in front of the keepalive, behind the XML decoder and the text encoder.
 */
final class OutboundStreamManagement extends ChannelDuplexHandler {

    /** The pipeline name; the writer finds the handler by it. */
    static final String NAME = "outbound-sm";

    private static final System.Logger LOG = System.getLogger(OutboundStreamManagement.class.getName());

    /** What the remote server answers, for the writer; called on the event loop. */
    interface Answers {

        /** {@code <enabled/>}: the stanzas counted from the {@code <enable/>} on are acknowledged by {@code <a/>}. */
        void enabled();

        /** {@code <failed/>}: stream management is not available; {@code why} is its condition. */
        void refused(String why);

        /** {@code <a/>}: the remote server has handled {@code stanzas} of those counted. */
        void handled(long stanzas);
    }

    private ChannelHandlerContext ctx;
    /** Whether our {@code <enable/>} went out: from then on this handler takes the stream management elements. */
    private boolean asked;
    /** Who learns the remote server's answers; null once it refused or the writer stopped listening. */
    private Answers answers;
    private boolean enabled;
    /** Stanzas written from the {@code <enable/>} on; never wraps, unlike {@code h}. */
    private long sent;
    /** Stanzas the remote server said it handled, the latest {@code <a/>}'s count. */
    private long acknowledged;
    /** Stanzas the remote server sent on this connection since {@code <enabled/>}. */
    private long received;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Writes {@code <enable/>}, from which on stanzas are counted; {@code answers} learns what comes back. */
    void enable(Answers answers) {
        this.answers = answers;
        asked = true;
        sent = 0;
        ctx.writeAndFlush(XmlWriter.write(StreamManagement.enable(), ServerStreams.SCOPE));
    }

    /**
     * The writer no longer takes acknowledgements from here (the remote server left our {@code <enable/>} unanswered):
     * what comes later is ignored, but the remote server's {@code <r/>} is still answered, as it may count on that.
     */
    void abandon() {
        answers = null;
    }

    /** Stanzas written since the {@code <enable/>}. */
    long sent() {
        return sent;
    }

    /** Writes {@code <r/>}: the answer will count every stanza written before it, {@link #sent()} now. */
    void requestAcknowledgement() {
        ctx.writeAndFlush(XmlWriter.write(StreamManagement.request(), ServerStreams.SCOPE));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (asked && msg instanceof String xml && isStanza(xml)) {
            sent++;
        }
        ctx.write(msg, promise);
    }

    /** Whether {@code xml}, one top-level element as {@link XmlWriter} writes it, is a stanza. */
    static boolean isStanza(String xml) {
        return startsWithElement(xml, "<message") || startsWithElement(xml, "<presence") || startsWithElement(xml, "<iq");
    }

    private static boolean startsWithElement(String xml, String start) {
        if (!xml.startsWith(start) || xml.length() == start.length()) {
            return false;
        }
        char next = xml.charAt(start.length());
        return next == ' ' || next == '>' || next == '/';
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!asked || !(msg instanceof ElementReceived received)) {
            ctx.fireChannelRead(msg);
            return;
        }
        XmlElement element = received.element();
        if (!StreamManagement.is(element)) {
            if (enabled && ServerStreams.isStanza(element)) {
                this.received++;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        switch (element.name()) {
            case "enabled" -> {
                enabled = true;
                if (answers != null) {
                    answers.enabled();
                }
            }
            case "failed" -> refused(element);
            case "a" -> {
                if (answers != null) {
                    acknowledged(element);
                }
            }
            // Answered even after a <failed/>: the remote server may still count on our answers to its own requests.
            case "r" -> ctx.writeAndFlush(XmlWriter.write(StreamManagement.acknowledgement(this.received),
                    ServerStreams.SCOPE));
            default -> LOG.log(Level.DEBUG, "ignoring <{0}/> of stream management from {1}", element.name(),
                    ctx.channel().remoteAddress());
        }
    }

    /** {@code <failed/>}, whether before or after {@code <enabled/>}: acknowledgements are no longer to be had here. */
    private void refused(XmlElement failed) {
        if (answers != null) {
            Answers refusedTo = answers;
            answers = null;
            refusedTo.refused(failed.elements().stream().findFirst().map(XmlElement::name).orElse("no condition"));
        }
    }

    private void acknowledged(XmlElement acknowledgement) {
        OptionalLong h = StreamManagement.handled(acknowledgement);
        if (h.isEmpty()) {
            violation("an <a/> without a valid 'h'");
            return;
        }
        long handled = StreamManagement.unwrap(sent, h.getAsLong());
        if (handled < acknowledged) {
            violation("an <a/> with h=" + h.getAsLong() + " after it had counted " + acknowledged + " of " + sent
                    + " stanzas");
            return;
        }
        acknowledged = handled;
        answers.handled(handled);
    }

    /** The remote server counts wrong: nothing it acknowledges can be believed, so the stream ends (XEP-0198 §4). */
    private void violation(String what) {
        LOG.log(Level.INFO, "{0} sent {1}; ending the stream", ctx.channel().remoteAddress(), what);
        answers = null;
        ctx.writeAndFlush(StreamError.of(StreamErrorCondition.UNDEFINED_CONDITION, "sent " + what)
                .render(ServerStreams.SCOPE));
        ServerStreams.close(ctx.channel());
        ctx.fireUserEventTriggered(new StreamEndedHere("we ended the stream with undefined-condition: the remote server"
                + " sent " + what));
    }
}
