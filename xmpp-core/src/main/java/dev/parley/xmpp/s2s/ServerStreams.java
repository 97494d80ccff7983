package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** What every S2S stream this engine writes has in common, inbound and outbound. */
final class ServerStreams {

    static final String CLOSING_TAG = StreamHeader.CLOSING_TAG;
    /** The declarations of our headers when dialback is spoken: stanzas, {@code stream} and {@code db}. */
    static final NamespaceScope SCOPE = NamespaceScope.of(XmppNamespaces.SERVER)
            .withPrefix("stream", XmppNamespaces.STREAMS)
            .withPrefix(Dialback.PREFIX, Dialback.NAMESPACE);

    private static final Set<String> STANZA_NAMES = Set.of("message", "presence", "iq");

    private ServerStreams() {
    }

    /** The initiating server's header: from our domain to theirs, version 1.0, dialback declared. */
    static StreamHeader initialHeader(String from, String to) {
        return new StreamHeader(Optional.of(from), Optional.of(to), Optional.empty(), Optional.of(StreamVersion.V1_0),
                Optional.of("en"), XmppNamespaces.SERVER).withPrefix(Dialback.PREFIX, Dialback.NAMESPACE);
    }

    /** Whether {@code element} is a message, presence or iq stanza of a server stream. */
    static boolean isStanza(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.SERVER) && STANZA_NAMES.contains(element.name());
    }

    /** Whether {@code element} is a peer's {@code <stream:error/>}, which ends its stream (RFC 6120 §4.9). */
    static boolean isStreamError(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.STREAMS) && element.name().equals("error");
    }

    /** One of our stream errors' condition and text, if any, as {@link StreamError#describe(XmlElement)} has a peer's. */
    static String describe(StreamError error) {
        return error.condition().elementName() + error.text().map(text -> ": " + text).orElse("");
    }

    /** How long a closing tag may wait for a peer to read it before the connection is closed without it. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    /**
     * Our closing tag, then the connection: used when we are done with a stream, or its peer is. A peer that reads
     * nothing would never take the tag, and the connection would stay open with its unwritten output; so it is
     * closed anyway after {@link #CLOSE_GRACE}.
     */
    static void close(Channel channel) {
        channel.writeAndFlush(CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
        ScheduledFuture<?> forced = channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE.toNanos(),
                TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(closed -> forced.cancel(false));
    }
}
