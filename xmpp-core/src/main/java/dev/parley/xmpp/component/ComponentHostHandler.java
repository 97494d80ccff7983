package dev.parley.xmpp.component;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlViolationException;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The host's side of one component stream (XEP-0114): the header must name the configured domain, the handshake
 * must prove the shared secret within the deadline, and then stanzas flow, each from an address at that domain.
 */
final class ComponentHostHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    private static final System.Logger LOG = System.getLogger(ComponentHostHandler.class.getName());

    private enum State { AWAIT_HEADER, AWAIT_HANDSHAKE, LINKED, CLOSED }

    private final ComponentListenerConfig config;
    private final ComponentLinks links;
    private final Clock clock;
    private State state = State.AWAIT_HEADER;
    private String streamId;
    private ComponentLink link;
    private ScheduledFuture<?> deadline;
    /** Whether the component numbers its stanzas and takes numbered ones (a Parley, {@link NumberedStanzas}). */
    private boolean numbered;
    /** Whether the numbering component named its instance, which must come before its first stanza. */
    private boolean named;
    private final PolicyParts policyParts = new PolicyParts();

    ComponentHostHandler(ComponentListenerConfig config, ComponentLinks links, Clock clock) {
        this.config = config;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            if (state == State.AWAIT_HEADER || state == State.AWAIT_HANDSHAKE) {
                refuse(ctx, StreamErrorCondition.CONNECTION_TIMEOUT, "no successful handshake within "
                        + config.handshakeTimeout().toSeconds() + " s");
            }
        }, config.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        if (event instanceof XmlStreamEvent.StreamOpened opened) {
            opened(ctx, opened);
        } else if (event instanceof XmlStreamEvent.ElementReceived received) {
            element(ctx, received.element());
        } else {
            state = State.CLOSED;
            if (link != null) {
                link.endedBecause("the component closed its stream");
            }
            ComponentStreams.close(ctx.channel());
        }
    }

    private void opened(ChannelHandlerContext ctx, XmlStreamEvent.StreamOpened opened) {
        if (state != State.AWAIT_HEADER) {
            refuse(ctx, StreamErrorCondition.BAD_FORMAT, "a second stream header");
            return;
        }
        streamId = StreamIds.next();
        // The header is answered before any error, so that the error is in a stream the component can read.
        ctx.writeAndFlush(ComponentStreams.hostHeader(config.domain(), streamId).render());
        if (!opened.name().equals("stream") || !opened.namespace().equals(XmppNamespaces.STREAMS)) {
            refuse(ctx, StreamErrorCondition.INVALID_NAMESPACE, "not an XMPP stream");
        } else if (!opened.defaultNamespace().orElse("").equals(ComponentStreams.ACCEPT)) {
            refuse(ctx, StreamErrorCondition.INVALID_NAMESPACE, "this port accepts components ("
                    + ComponentStreams.ACCEPT + ") only");
        } else if (!opened.attribute("to").map(ComponentHostHandler::canonical).equals(Optional.of(config.domain()))) {
            refuse(ctx, StreamErrorCondition.HOST_UNKNOWN, "this host accepts a component for " + config.domain()
                    + " only, not " + opened.attribute("to").orElse("(no 'to')"));
        } else {
            state = State.AWAIT_HANDSHAKE;
            numbered = opened.namespaceDeclarations().containsValue(ProxyPolicy.NAMESPACE);
        }
    }

    private void element(ChannelHandlerContext ctx, XmlElement element) {
        switch (state) {
            case AWAIT_HANDSHAKE -> handshake(ctx, element);
            case LINKED -> linked(ctx, element);
            default -> {
                // Nothing is read after the stream ended or was refused.
            }
        }
    }

    private void handshake(ChannelHandlerContext ctx, XmlElement element) {
        if (!ComponentStreams.isHandshake(element)) {
            refuse(ctx, StreamErrorCondition.NOT_AUTHORIZED, "the handshake must come first");
            return;
        }
        if (!Handshake.verify(streamId, config.secret(), element.text())) {
            // Neither the secret nor what was sent is logged: a near miss tells a reader of the log too much.
            refuse(ctx, StreamErrorCondition.NOT_AUTHORIZED, "wrong handshake: the link password does not match");
            return;
        }
        deadline.cancel(false);
        state = State.LINKED;
        ctx.write("<handshake/>");
        if (numbered) {
            ctx.write(XmlWriter.write(NumberedStanzas.link(links.instance()), ComponentStreams.SCOPE));
        }
        ctx.flush();
        link = new ComponentLink(ctx.channel(), config.domain(), clock.instant(), links.nextLinkNumber(), numbered);
        links.up(link);
    }

    private void linked(ChannelHandlerContext ctx, XmlElement element) {
        if (link.ended() && !ComponentStreams.isStreamError(element)) {
            // Replaced or refused: what still comes in while it closes is the component's to send again.
            return;
        }
        if (ComponentStreams.isStreamError(element)) {
            state = State.CLOSED;
            link.endedBecause("the component sent a stream error: " + StreamError.describe(element));
            LOG.log(Level.INFO, "{0} ended with {1}", link, StreamError.describe(element));
            ctx.close();
        } else if (ProxyPolicy.isPolicy(element)) {
            try {
                policyParts.add(element).ifPresent(policy -> links.policy(link, policy));
            } catch (IllegalArgumentException e) {
                refuse(ctx, StreamErrorCondition.BAD_FORMAT, "the policy cannot be read: " + e.getMessage());
            }
        } else if (ProxyReports.isCloseSession(element)) {
            element.attribute("id").ifPresentOrElse(id -> links.closeSession(link, id),
                    () -> refuse(ctx, StreamErrorCondition.BAD_FORMAT, "<close-session/> without an id"));
        } else if (numbered && NumberedStanzas.isLink(element)) {
            read(ctx, () -> {
                links.componentInstance(link, NumberedStanzas.instance(element));
                named = true;
            });
        } else if (numbered && NumberedStanzas.isAck(element)) {
            read(ctx, () -> links.acknowledged(NumberedStanzas.acknowledged(element)));
        } else if (numbered && NumberedStanzas.isNumbered(element)) {
            read(ctx, () -> numberedStanza(ctx, element));
        } else if (ComponentStreams.isStanza(element)) {
            XmlElement stanza = ComponentStreams.read(element);
            if (!fromLinkedDomain(stanza)) {
                returnToComponent(ctx, stanza, StanzaErrorCondition.BAD_REQUEST, fromOutside());
            } else {
                links.unnumbered(link, stanza, unTaken -> returnToComponent(ctx, unTaken,
                        StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the host is stopping; try again later"));
            }
        } else {
            refuse(ctx, StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "<" + element.name() + "/> in "
                    + element.namespace() + " is not a stanza");
        }
    }

    private void numberedStanza(ChannelHandlerContext ctx, XmlElement element) {
        if (!named) {
            throw new IllegalArgumentException("a numbered stanza came before <link/>");
        }
        long number = NumberedStanzas.number(element);
        XmlElement stanza = ComponentStreams.read(NumberedStanzas.stanza(element));
        if (fromLinkedDomain(stanza)) {
            links.stanza(link, number, stanza);
        } else {
            link.verdict(number, new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST, fromOutside()));
        }
    }

    private String fromOutside() {
        return "a stanza from this link must be from " + config.domain() + " or an address at it";
    }

    /** Answers a component that takes no verdicts with an error stanza, as a server answers a stanza it cannot pass on. */
    private void returnToComponent(ChannelHandlerContext ctx, XmlElement stanza, StanzaErrorCondition condition,
                                   String text) {
        Bounces.reply(stanza, StanzaError.of(condition, text)).ifPresent(reply ->
                ctx.writeAndFlush(ComponentStreams.write(reply)));
    }

    /** Runs {@code read} on an element of the link's protocol; one that cannot be read ends the link. */
    private void read(ChannelHandlerContext ctx, Runnable read) {
        try {
            read.run();
        } catch (IllegalArgumentException e) {
            refuse(ctx, StreamErrorCondition.BAD_FORMAT, e.getMessage());
        }
    }

    private boolean fromLinkedDomain(XmlElement stanza) {
        try {
            return stanza.attribute("from").map(Jid::parse).map(Jid::domainpart).filter(config.domain()::equals)
                    .isPresent();
        } catch (InvalidJidException e) {
            return false;
        }
    }

    private static String canonical(String domain) {
        try {
            return Jid.ofDomain(domain).domainpart();
        } catch (InvalidJidException e) {
            return domain;
        }
    }

    private void refuse(ChannelHandlerContext ctx, StreamErrorCondition condition, String text) {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasLinked = state == State.LINKED;
        state = State.CLOSED;
        if (wasLinked) {
            link.endedBecause(condition.elementName() + ": " + text);
        } else {
            links.refused(ctx.channel().remoteAddress(), condition.elementName() + ": " + text);
        }
        ComponentStreams.fail(ctx.channel(), StreamError.of(condition, text));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        state = State.CLOSED;
        if (link != null) {
            links.down(link);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof XmlViolationException violation) {
            refuse(ctx, StreamErrorCondition.of(violation.violation()), violation.getMessage());
        } else if (cause instanceof IOException || cause.getCause() instanceof javax.net.ssl.SSLException) {
            LOG.log(Level.DEBUG, "component connection from {0} failed: {1}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "unexpected failure on the component stream from " + ctx.channel().remoteAddress(),
                    cause);
            refuse(ctx, StreamErrorCondition.INTERNAL_SERVER_ERROR, "internal error");
        }
    }
}
