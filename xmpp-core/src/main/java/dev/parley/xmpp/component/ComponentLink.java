package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

/** One authenticated component stream, as its host sees it. */
public final class ComponentLink {

    private final Channel channel;
    private final String domain;
    private final Instant since;
    private final long number;
    private final boolean numbered;
    private volatile String endReason = "the connection closed";
    private volatile String instance = "";
    private volatile boolean ended;

    /**
     * {@code number} tells this link from the ones before it; {@code numbered}: the component numbers its stanzas and
     * takes numbered ones ({@link NumberedStanzas}), as Parley does.
     */
    ComponentLink(Channel channel, String domain, Instant since, long number, boolean numbered) {
        this.channel = channel;
        this.domain = domain;
        this.since = since;
        this.number = number;
        this.numbered = numbered;
    }

    /** The domain the component authenticated for. */
    public String domain() {
        return domain;
    }

    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    public Instant since() {
        return since;
    }

    /** Whether the link still stands. */
    public boolean isOpen() {
        return channel.isActive();
    }

    long number() {
        return number;
    }

    /** The component's run, once a numbering component named it; empty before. */
    String instance() {
        return instance;
    }

    void named(String componentInstance) {
        instance = componentInstance;
    }

    /** Whether the host ended this link (replaced, refused, stopping): nothing more travels on it then. */
    boolean ended() {
        return ended;
    }

    /** Writes what {@code outbox} holds that this link has not carried yet (see {@link LinkOutbox#writeTo}). */
    void flush(LinkOutbox outbox, LongConsumer written) {
        try {
            channel.eventLoop().execute(() -> {
                if (channel.isActive() && !ended) {
                    outbox.writeTo(channel, number, numbered, written);
                }
            });
        } catch (RejectedExecutionException e) {
            // The host is closing: what waits is answered by its close.
        }
    }

    /**
     * Tells the component what became of its stanza {@code number}. Nothing is written once the link has ended: the
     * component writes that stanza again on its next link, and hears of it there.
     */
    void verdict(long number, Delivery delivery) {
        if (channel.isActive() && !ended) {
            channel.writeAndFlush(XmlWriter.write(Verdicts.of(number, delivery), ComponentStreams.SCOPE));
        }
    }

    void keepAlive() {
        if (numbered && channel.isActive() && !ended) {
            channel.writeAndFlush(" ");
        }
    }

    /** Tells the component what happened to an S2S stream (for its audit trail). */
    public void report(FederationEvent event) {
        if (channel.isActive()) {
            channel.writeAndFlush(XmlWriter.write(ProxyReports.event(event), ComponentStreams.SCOPE));
        }
    }

    /** Tells the component which S2S sessions are open and which domains failed lately (for its status). */
    public void report(ProxyStatus status) {
        if (channel.isActive()) {
            channel.writeAndFlush(XmlWriter.write(ProxyReports.status(status), ComponentStreams.SCOPE));
        }
    }

    /** Why the link ended, once it has: for the host's log and status. */
    String endReason() {
        return endReason;
    }

    void endedBecause(String reason) {
        endReason = reason;
    }

    /** Ends the link with {@code error}; from now on nothing more is taken from it or written to it. */
    void end(StreamError error) {
        ended = true;
        endedBecause(error.condition().elementName() + error.text().map(text -> ": " + text).orElse(""));
        try {
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    ComponentStreams.fail(channel, error);
                }
            });
        } catch (RejectedExecutionException e) {
            // The event loop has stopped: the connection is gone with it.
        }
    }

    @Override
    public String toString() {
        return "component link for " + domain + " from " + channel.remoteAddress();
    }
}
