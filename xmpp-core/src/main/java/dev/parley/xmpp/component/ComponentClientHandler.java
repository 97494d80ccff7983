package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlViolationException;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The component's side of one stream (XEP-0114): opens it for the domain, answers the host's stream id with the
 * handshake, and once the host confirms, hands stanzas up. Whatever ends the connection is reported once, with the
 * reason an administrator needs ("the proxy refused the link password", not just "closed").
 */
final class ComponentClientHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    /** What the handler tells the client about its connection. */
    interface Events {
        void authenticated(ComponentClientHandler stream);

        /** A stanza from the host; {@code number} is 0 for a host that numbers none. */
        void stanza(String hostInstance, long number, XmlElement stanza);

        /** The number up to which the host's stanzas are all taken, for the acknowledgement. */
        long takenUpTo(String hostInstance);

        /**
         * What became of stanza {@code number}: the Parley XMPP Proxy's verdict, or, from a host that gives none,
         * written once it is on the socket, which is all it will hear of it.
         */
        void verdict(long number, Delivery delivery);

        void proxyEvent(FederationEvent event);

        void proxyStatus(ProxyStatus status);

        /** The connection ended; {@code reason} says why. Reported exactly once per connection. */
        void ended(ComponentClientHandler stream, String reason);
    }

    private enum State { OPENING, HANDSHAKING, UP, ENDED }

    private final ComponentClientConfig config;
    private final String instance;
    private final Supplier<ProxyPolicy> policy;
    private final Events events;
    private State state = State.OPENING;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> deadline;
    private String endReason = "the proxy closed the connection";
    private boolean replaced;
    /** Whether the host is a Parley XMPP Proxy: it takes policies, numbers stanzas and gives verdicts. */
    private boolean takesPolicy;
    /** The proxy's instance, once it named it; its stanzas are numbered only after that. */
    private String hostInstance;
    /** The acknowledgement last written on this stream. On the event loop only. */
    private long acknowledged;
    /** Whether an acknowledgement is about to be written, so that a burst of stanzas taken costs one. */
    private final AtomicBoolean acknowledging = new AtomicBoolean();

    /**
     * {@code instance} names this run of the component to a Parley XMPP Proxy; {@code policy} gives the policy to
     * tell it as the link comes up, or null for none.
     */
    ComponentClientHandler(ComponentClientConfig config, String instance, Supplier<ProxyPolicy> policy, Events events) {
        this.config = config;
        this.instance = instance;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        deadline = ctx.executor().schedule(() -> {
            if (state == State.OPENING || state == State.HANDSHAKING) {
                end(ctx, "no handshake with " + config.endpoint() + " within " + config.handshakeTimeout().toSeconds()
                        + " s (is it a component port?)", Optional.of(StreamErrorCondition.CONNECTION_TIMEOUT));
            }
        }, config.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        ctx.writeAndFlush(ComponentStreams.componentHeader(config.domain()).render());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlStreamEvent event) {
        if (event instanceof XmlStreamEvent.StreamOpened opened) {
            opened(ctx, opened);
        } else if (event instanceof XmlStreamEvent.ElementReceived received) {
            element(ctx, received.element());
        } else {
            end(ctx, state == State.UP ? "the proxy closed the link"
                    : "the proxy closed the stream before the handshake", Optional.empty());
        }
    }

    private void opened(ChannelHandlerContext ctx, XmlStreamEvent.StreamOpened opened) {
        Optional<String> id = opened.attribute("id");
        if (state != State.OPENING) {
            end(ctx, "the proxy sent a second stream header", Optional.of(StreamErrorCondition.BAD_FORMAT));
        } else if (!opened.namespace().equals(XmppNamespaces.STREAMS)
                || !opened.defaultNamespace().orElse("").equals(ComponentStreams.ACCEPT)) {
            end(ctx, config.endpoint() + " is not a component port (its stream is in "
                    + opened.defaultNamespace().orElse("no namespace") + ")",
                    Optional.of(StreamErrorCondition.INVALID_NAMESPACE));
        } else if (id.isEmpty()) {
            end(ctx, "the proxy's stream header has no id to shake hands with", Optional.of(StreamErrorCondition.BAD_FORMAT));
        } else {
            state = State.HANDSHAKING;
            takesPolicy = opened.namespaceDeclarations().containsValue(ProxyPolicy.NAMESPACE);
            ctx.writeAndFlush("<handshake>" + Handshake.digest(id.get(), config.secret()) + "</handshake>");
        }
    }

    private void element(ChannelHandlerContext ctx, XmlElement element) {
        if (ComponentStreams.isStreamError(element)) {
            // The proxy's own words, as long as it made them: bounded before they reach the status and the log.
            String error = AuditTexts.cut(StreamError.describe(element), AuditTexts.DETAIL);
            replaced = state == State.UP && error.startsWith(StreamErrorCondition.CONFLICT.elementName());
            end(ctx, state == State.HANDSHAKING && error.startsWith("not-authorized")
                    ? "the proxy refused the link password (" + error + ")"
                    : "the proxy ended the link: " + error, Optional.empty());
        } else if (state == State.HANDSHAKING && ComponentStreams.isHandshake(element)) {
            deadline.cancel(false);
            state = State.UP;
            if (takesPolicy) {
                ctx.write(XmlWriter.write(NumberedStanzas.link(instance), ComponentStreams.SCOPE));
            }
            // Before any stanza: a proxy without the policy lets no domain through.
            writePolicy(ctx);
            events.authenticated(this);
        } else if (state == State.UP && ComponentStreams.isStanza(element)) {
            events.stanza("", 0, ComponentStreams.read(element));
        } else if (state == State.UP && takesPolicy && NumberedStanzas.isLink(element)) {
            read(ctx, () -> hostInstance = NumberedStanzas.instance(element));
        } else if (state == State.UP && hostInstance != null && NumberedStanzas.isNumbered(element)) {
            read(ctx, () -> events.stanza(hostInstance, NumberedStanzas.number(element),
                    ComponentStreams.read(NumberedStanzas.stanza(element))));
        } else if (state == State.UP && takesPolicy && Verdicts.isVerdict(element)) {
            read(ctx, () -> events.verdict(Verdicts.number(element), Verdicts.delivery(element)));
        } else if (state == State.UP && takesPolicy && ProxyReports.isEvent(element)) {
            read(ctx, () -> events.proxyEvent(ProxyReports.readEvent(element)));
        } else if (state == State.UP && takesPolicy && ProxyReports.isStatus(element)) {
            read(ctx, () -> events.proxyStatus(ProxyReports.readStatus(element)));
        } else if (state != State.ENDED) {
            end(ctx, "the proxy sent <" + element.name() + "/> in " + element.namespace() + " where none belongs",
                    Optional.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE));
        }
    }

    /** Whether the host ended this stream because another component took the link over. */
    boolean replaced() {
        return replaced;
    }

    /**
     * Writes the latest policy if the stream is up and the host is a Parley XMPP Proxy, which declared that it takes
     * one. On the event loop, reading the policy as it is then: a policy replaced meanwhile is never written last.
     */
    void sendPolicy() {
        ChannelHandlerContext ctx = context;
        if (ctx != null) {
            try {
                ctx.executor().execute(() -> writePolicy(ctx));
            } catch (RejectedExecutionException e) {
                // Closing: the next link is told the policy as it comes up.
            }
        }
    }

    /** Asks a Parley XMPP Proxy to close its session {@code id}; false when the stream is not up or the host no proxy. */
    boolean closeSession(String id) {
        ChannelHandlerContext ctx = context;
        if (ctx == null || state != State.UP || !takesPolicy) {
            return false;
        }
        ctx.writeAndFlush(XmlWriter.write(ProxyReports.closeSession(id), ComponentStreams.SCOPE));
        return true;
    }

    private void writePolicy(ChannelHandlerContext ctx) {
        ProxyPolicy latest = policy.get();
        if (latest != null && state == State.UP && takesPolicy && ctx.channel().isActive()) {
            latest.toElements().forEach(part -> ctx.write(XmlWriter.write(part, ComponentStreams.SCOPE)));
            ctx.flush();
        }
    }

    /**
     * Writes, in order, what {@code outbox} holds that this stream has not carried yet: numbered to a Parley XMPP
     * Proxy, which acknowledges each with its verdict; plain to another host, for which being on the socket is all
     * ({@link LinkOutbox#writeTo}).
     */
    void flush(LinkOutbox outbox, long link) {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            return;
        }
        try {
            ctx.executor().execute(() -> {
                if (state == State.UP && ctx.channel().isActive()) {
                    outbox.writeTo(ctx.channel(), link, takesPolicy,
                            number -> events.verdict(number, new Delivery.Written()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: what is in the outbox is settled there.
        }
    }

    /**
     * A Parley XMPP Proxy writes at least a keepalive every few seconds; silence for longer than the configured limit
     * means a connection that died without a word (a firewall dropped it), which would otherwise swallow what Parley
     * writes while its status says "up".
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && state == State.UP && takesPolicy) {
            end(ctx, "the proxy sent nothing for " + config.silenceLimit().toSeconds() + " s although it writes every "
                    + ComponentStreams.KEEPALIVE.toSeconds() + " s: the connection is taken for dead",
                    Optional.of(StreamErrorCondition.CONNECTION_TIMEOUT));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // One acknowledgement for all the proxy's stanzas read at once (those taken while being read, and duplicates).
        acknowledge(ctx);
        ctx.fireChannelReadComplete();
    }

    /** More of the proxy's stanzas were taken, on any thread: the acknowledgement follows on the event loop. */
    void acknowledgeTaken() {
        ChannelHandlerContext ctx = context;
        if (ctx != null && acknowledging.compareAndSet(false, true)) {
            try {
                ctx.executor().execute(() -> {
                    acknowledging.set(false);
                    acknowledge(ctx);
                });
            } catch (RejectedExecutionException closed) {
                // The client closed: no link is left to acknowledge on, and the proxy writes it again to the next run.
            }
        }
    }

    private void acknowledge(ChannelHandlerContext ctx) {
        if (hostInstance != null && state == State.UP) {
            long taken = events.takenUpTo(hostInstance);
            if (taken > acknowledged) {
                acknowledged = taken;
                ctx.writeAndFlush(XmlWriter.write(NumberedStanzas.ack(taken), ComponentStreams.SCOPE));
            }
        }
    }

    /** Runs {@code read} on an element of the proxy's protocol; one that cannot be read ends the link. */
    private void read(ChannelHandlerContext ctx, Runnable read) {
        try {
            read.run();
        } catch (IllegalArgumentException e) {
            end(ctx, "the proxy sent something that cannot be read: " + e.getMessage(),
                    Optional.of(StreamErrorCondition.BAD_FORMAT));
        }
    }

    /** Ends the stream from this side, as when Parley stops or leaves proxy mode. */
    void close(String reason) {
        ChannelHandlerContext ctx = context;
        if (ctx != null) {
            ctx.executor().execute(() -> end(ctx, reason, Optional.empty()));
        }
    }

    private void end(ChannelHandlerContext ctx, String reason, Optional<StreamErrorCondition> error) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        endReason = reason;
        if (deadline != null) {
            deadline.cancel(false);
        }
        error.ifPresent(condition -> ctx.write(StreamError.of(condition).render(ComponentStreams.SCOPE)));
        ComponentStreams.close(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.ENDED;
        if (deadline != null) {
            deadline.cancel(false);
        }
        // What the proxy gave no verdict on stays in the outbox, to be written again, with its number, on the next link.
        events.ended(this, endReason);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof XmlViolationException violation) {
            end(ctx, "the proxy sent unacceptable XML: " + violation.getMessage(),
                    Optional.of(StreamErrorCondition.of(violation.violation())));
        } else {
            // TLS failures arrive wrapped: the innermost message says what was wrong with the certificate.
            Throwable root = cause;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            endReason = (state == State.OPENING ? "could not open the link with " + config.endpoint() + ": "
                    : "the link with " + config.endpoint() + " failed: ") + root.getMessage();
            state = State.ENDED;
            ctx.close();
        }
    }
}
