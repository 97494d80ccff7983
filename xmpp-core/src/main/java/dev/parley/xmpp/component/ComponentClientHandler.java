package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlStreamEvent;
import dev.parley.xmpp.xml.XmlViolationException;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The component's side of one stream (XEP-0114): opens it for the domain, answers the host's stream id with the
 * handshake, and once the host confirms, hands stanzas up. Whatever ends the connection is reported once, with the
 * reason an administrator needs ("the proxy refused the link password", not just "closed").
 */
final class ComponentClientHandler extends SimpleChannelInboundHandler<XmlStreamEvent> {

    /** What the handler tells the client about its connection. */
    interface Events {
        void authenticated(ComponentClientHandler stream);

        void stanza(XmlElement stanza);

        void proxyEvent(FederationEvent event);

        void proxyStatus(ProxyStatus status);

        /** The connection ended; {@code reason} says why. Reported exactly once per connection. */
        void ended(ComponentClientHandler stream, String reason);
    }

    private enum State { OPENING, HANDSHAKING, UP, ENDED }

    private final ComponentClientConfig config;
    private final Supplier<ProxyPolicy> policy;
    private final Events events;
    private State state = State.OPENING;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> deadline;
    private String endReason = "the proxy closed the connection";
    private boolean replaced;
    /** Whether the host is a Parley XMPP Proxy: it takes policies and gives a verdict on each stanza. */
    private boolean takesPolicy;
    /** Stanzas written so far; each one's sequence number is what its verdict names. On the event loop only. */
    private long sent;
    /** The fates of stanzas written to a Parley XMPP Proxy that gave no verdict on them yet. On the event loop only. */
    private final Map<Long, CompletableFuture<Delivery>> awaitingVerdict = new HashMap<>();
    /** A proxy that stops answering must not make Parley keep an ever longer list of stanzas in memory. */
    static final int MAX_AWAITING_VERDICT = 10_000;

    /** {@code policy} gives the policy to tell a Parley XMPP Proxy as the link comes up, or null for none. */
    ComponentClientHandler(ComponentClientConfig config, Supplier<ProxyPolicy> policy, Events events) {
        this.config = config;
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
            // Before anything else on the link: a proxy without the policy lets no domain through.
            writePolicy(ctx);
            events.authenticated(this);
        } else if (state == State.UP && ComponentStreams.isStanza(element)) {
            events.stanza(ComponentStreams.read(element));
        } else if (state == State.UP && takesPolicy && Verdicts.isVerdict(element)) {
            verdict(ctx, element);
        } else if (state == State.UP && takesPolicy && ProxyReports.isEvent(element)) {
            report(ctx, () -> events.proxyEvent(ProxyReports.readEvent(element)));
        } else if (state == State.UP && takesPolicy && ProxyReports.isStatus(element)) {
            report(ctx, () -> events.proxyStatus(ProxyReports.readStatus(element)));
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
            ctx.writeAndFlush(XmlWriter.write(latest.toElement(), ComponentStreams.SCOPE));
        }
    }

    /**
     * Writes {@code stanza} and completes {@code fate} with what became of it: a Parley XMPP Proxy's verdict; written,
     * for a host that gives none, once it is on the socket; not delivered ({@code remote-server-timeout}, which the
     * sender may retry) when the link is not up or ends before the verdict.
     */
    void submit(String stanzaXml, CompletableFuture<Delivery> fate) {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            fate.complete(notDelivered("is not up"));
            return;
        }
        try {
            // On the event loop, so that the sequence numbers follow the order in which the stanzas are written.
            ctx.executor().execute(() -> write(ctx, stanzaXml, fate));
        } catch (RejectedExecutionException e) {
            fate.complete(notDelivered("is closing"));
        }
    }

    private void write(ChannelHandlerContext ctx, String stanzaXml, CompletableFuture<Delivery> fate) {
        if (state != State.UP || !ctx.channel().isActive()) {
            fate.complete(notDelivered("is not up"));
            return;
        }
        if (awaitingVerdict.size() >= MAX_AWAITING_VERDICT) {
            fate.complete(notDelivered("has not said what became of " + MAX_AWAITING_VERDICT + " stanzas yet"));
            return;
        }
        long sequence = ++sent;
        if (takesPolicy) {
            awaitingVerdict.put(sequence, fate);
        }
        ctx.writeAndFlush(stanzaXml).addListener(written -> {
            if (!written.isSuccess()) {
                // The proxy may have counted part of it: the numbering of the stanzas after it cannot be trusted.
                end(ctx, "a stanza could not be written to the link: " + written.cause().getMessage(),
                        Optional.empty());
                fate.complete(notDelivered("could not take it: " + written.cause().getMessage()));
            } else if (!takesPolicy) {
                fate.complete(new Delivery.Written());
            }
        });
    }

    private void verdict(ChannelHandlerContext ctx, XmlElement element) {
        try {
            CompletableFuture<Delivery> fate = awaitingVerdict.remove(Verdicts.sequence(element));
            if (fate != null) {
                fate.complete(Verdicts.delivery(element));
            }
        } catch (IllegalArgumentException e) {
            end(ctx, "the proxy sent a verdict that cannot be read: " + e.getMessage(),
                    Optional.of(StreamErrorCondition.BAD_FORMAT));
        }
    }

    private void report(ChannelHandlerContext ctx, Runnable read) {
        try {
            read.run();
        } catch (IllegalArgumentException e) {
            end(ctx, "the proxy sent a report that cannot be read: " + e.getMessage(),
                    Optional.of(StreamErrorCondition.BAD_FORMAT));
        }
    }

    private Delivery notDelivered(String why) {
        return new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the link to the XMPP proxy at "
                + config.endpoint() + " " + why);
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
        // The proxy may have written some of these before the link ended: a retry can deliver one twice, but none is
        // lost (at least once).
        Delivery ended = notDelivered("ended before the proxy said what became of the stanza (" + endReason + ")");
        awaitingVerdict.values().forEach(fate -> fate.complete(ended));
        awaitingVerdict.clear();
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
