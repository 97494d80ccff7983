package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.function.Consumer;

/** One authenticated component stream, as its host sees it. */
public final class ComponentLink {

    private final Channel channel;
    private final String domain;
    private final Instant since;
    private volatile String endReason = "the connection closed";

    ComponentLink(Channel channel, String domain, Instant since) {
        this.channel = channel;
        this.domain = domain;
        this.since = since;
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

    /** Whether the link still stands (it may be too busy to take more, see {@link #send}). */
    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Writes {@code stanza} (in {@code jabber:server}) to the component. False when the link has ended, or holds more
     * than its write buffer while the component does not read: the caller still has the stanza and must answer for
     * it. A write that fails later is reported to {@code failed}, which then answers for it.
     */
    public boolean send(XmlElement stanza, Consumer<Throwable> failed) {
        if (!channel.isActive() || !channel.isWritable()) {
            return false;
        }
        channel.writeAndFlush(ComponentStreams.write(stanza)).addListener(written -> {
            if (!written.isSuccess()) {
                failed.accept(written.cause());
            }
        });
        return true;
    }

    /**
     * Tells the component what became of its {@code sequence}-th stanza. Nothing is written once the link has ended:
     * the component then treats what it has no verdict for as not delivered.
     */
    public void verdict(long sequence, Delivery delivery) {
        if (channel.isActive()) {
            channel.writeAndFlush(XmlWriter.write(Verdicts.of(sequence, delivery), ComponentStreams.SCOPE));
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

    /** Reads nothing more from the component (TCP holds it back), while what it sent so far is settled. */
    public void stopReading() {
        channel.config().setAutoRead(false);
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
