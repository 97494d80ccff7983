package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The initiating server's side of one S2S stream's negotiation (RFC 6120 §4.2–4.3), as a state
 * machine over {@link OutboundStreamState}: sends our header on connect, reads the receiving
 * server's header and features, and reports the stream {@link OutboundStreamEvents#ready ready}.
 * TLS is not offered yet, so a peer that requires it fails the stream with a reason that says so.
 */
final class OutboundStreamHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    private static final System.Logger LOG = System.getLogger(OutboundStreamHandler.class.getName());
    private static final String TLS_NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";

    private final String localDomain;
    private final String remoteDomain;
    private final OutboundStreamEvents events;
    private OutboundStreamState state = OutboundStreamState.AWAITING_HEADER;
    private String streamId;
    private boolean ready;

    OutboundStreamHandler(String localDomain, String remoteDomain, OutboundStreamEvents events) {
        this.localDomain = localDomain;
        this.remoteDomain = remoteDomain;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(ServerStreams.initialHeader(localDomain, remoteDomain).render());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        if (state == OutboundStreamState.CLOSED) {
            return;
        }
        if (event == XmlStreamEvent.StreamClosed.INSTANCE) {
            LOG.log(Level.DEBUG, "{0} closed its stream", remoteDomain);
            end(ctx, "the stream was closed by " + remoteDomain + " before it could be used");
            return;
        }
        switch (state) {
            case AWAITING_HEADER -> onHeader(ctx, (StreamOpened) event);
            case AWAITING_FEATURES -> onFeatures(ctx, ((ElementReceived) event).element());
            case READY -> onElement(ctx, ((ElementReceived) event).element());
            case CLOSED -> {
                // Unreachable: handled above.
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
        } else {
            // A pre-RFC 3920 server sends no features (RFC 6120 §4.7.5); dialback is all it has.
            becomeReady(ctx);
        }
    }

    private void onFeatures(ChannelHandlerContext ctx, XmlElement element) {
        if (isStreamError(element)) {
            failOnStreamError(ctx, element);
            return;
        }
        if (!element.namespace().equals(XmppNamespaces.STREAMS) || !element.name().equals("features")) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain + " sent <" + element.name()
                    + "/> where stream features belong");
            return;
        }
        boolean tlsRequired = element.elements().stream()
                .filter(feature -> feature.namespace().equals(TLS_NAMESPACE) && feature.name().equals("starttls"))
                .anyMatch(starttls -> starttls.elements().stream().anyMatch(child -> child.name().equals("required")));
        if (tlsRequired) {
            fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, remoteDomain
                    + " requires TLS, which this server does not offer yet (peer requires TLS)");
            return;
        }
        becomeReady(ctx);
    }

    private void becomeReady(ChannelHandlerContext ctx) {
        state = OutboundStreamState.READY;
        ready = true;
        LOG.log(Level.DEBUG, "stream {0} to {1} ({2}) negotiated", streamId, remoteDomain, ctx.channel().remoteAddress());
        events.ready(ctx.channel(), streamId);
    }

    private void onElement(ChannelHandlerContext ctx, XmlElement element) {
        if (isStreamError(element)) {
            failOnStreamError(ctx, element);
            return;
        }
        events.received(element);
    }

    private static boolean isStreamError(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.STREAMS) && element.name().equals("error");
    }

    private void failOnStreamError(ChannelHandlerContext ctx, XmlElement error) {
        String condition = error.elements().stream()
                .filter(child -> child.namespace().equals(XmppNamespaces.STREAM_ERRORS) && !child.name().equals("text"))
                .map(XmlElement::name).findFirst().orElse("undefined-condition");
        String text = error.elements().stream().filter(child -> child.name().equals("text"))
                .map(XmlElement::text).findFirst().map(value -> ": " + value).orElse("");
        fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                remoteDomain + " ended the stream with the error " + condition + text);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "stream to {0} failed: {1}", remoteDomain, cause.toString());
        fail(ctx, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "the connection to " + remoteDomain + " failed: "
                + cause.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ctx, "the connection to " + remoteDomain + " was lost");
        ctx.fireChannelInactive();
    }

    /** Our closing tag, then the connection: used when the user of the stream is done with it. */
    static void close(Channel channel) {
        channel.writeAndFlush(ServerStreams.CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
    }

    /** The stream ended: a failure while negotiating, a plain close once it served. */
    private void end(ChannelHandlerContext ctx, String reason) {
        if (ready) {
            if (state != OutboundStreamState.CLOSED) {
                state = OutboundStreamState.CLOSED;
                ctx.close();
                events.closed();
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
        close(ctx.channel());
        if (wasReady) {
            events.closed();
        } else {
            events.failed(condition, reason);
        }
    }
}
