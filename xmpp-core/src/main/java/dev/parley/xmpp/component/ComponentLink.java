package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.function.LongConsumer;

/** One authenticated component stream, as its host sees it. */
public final class ComponentLink {

    private final Channel channel;
    private final String domain;
    private final Instant since;
    private final long number;
    private final boolean numbered;
    private volatile String endReason = "the connection closed";

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

    /**
     * Writes, in order, what {@code outbox} holds that this link has not carried yet: numbered to a component that
     * acknowledges them; plain to another, for which being on the socket is all ({@code written} hears of each).
     */
    void flush(LinkOutbox outbox, LongConsumer written) {
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                return;
            }
            for (LinkOutbox.Entry entry : outbox.toWrite(number)) {
                if (numbered) {
                    channel.write(NumberedStanzas.wrap(entry.number, entry.xml));
                } else {
                    channel.write(entry.xml).addListener(done -> {
                        if (done.isSuccess()) {
                            written.accept(entry.number);
                        }
                    });
                }
            }
            channel.flush();
        });
    }

    /**
     * Tells the component what became of its stanza {@code number}. Nothing is written once the link has ended: the
     * component writes that stanza again on its next link, and hears of it there.
     */
    void verdict(long number, Delivery delivery) {
        if (channel.isActive()) {
            channel.writeAndFlush(XmlWriter.write(Verdicts.of(number, delivery), ComponentStreams.SCOPE));
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

    /** Ends the link with {@code error}. */
    void end(StreamError error) {
        endedBecause(error.condition().elementName() + error.text().map(text -> ": " + text).orElse(""));
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                ComponentStreams.fail(channel, error);
            }
        });
    }

    @Override
    public String toString() {
        return "component link for " + domain + " from " + channel.remoteAddress();
    }
}
