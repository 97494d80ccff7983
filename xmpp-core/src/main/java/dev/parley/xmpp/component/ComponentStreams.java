package dev.parley.xmpp.component;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** What both ends of a component stream have in common: its namespace, headers, stanzas and how it ends. */
final class ComponentStreams {

    /** The content namespace of a component stream as the host accepts it (XEP-0114). */
    static final String ACCEPT = "jabber:component:accept";
    static final NamespaceScope SCOPE = NamespaceScope.of(ACCEPT).withPrefix("stream", XmppNamespaces.STREAMS);
    static final String CLOSING_TAG = StreamHeader.CLOSING_TAG;
    static final String HANDSHAKE = "handshake";
    /** How long a closing tag may wait for the other end to read it before the connection is cut. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(3);
    /** How often the host writes whitespace to a numbering component, which takes a silent link for dead. */
    static final Duration KEEPALIVE = Duration.ofSeconds(5);

    private static final Set<String> STANZA_NAMES = Set.of("message", "presence", "iq");

    private ComponentStreams() {
    }

    /**
     * The component's header: to the domain it wants to be. XEP-0114 headers carry no version. It declares the Parley
     * proxy's namespace, which tells a Parley XMPP Proxy that this component numbers its stanzas; a stock host reads
     * past a declaration it has no use for.
     */
    static StreamHeader componentHeader(String domain) {
        return new StreamHeader(Optional.empty(), Optional.of(domain), Optional.empty(), Optional.empty(),
                Optional.empty(), ACCEPT).withPrefix(NumberedStanzas.PREFIX, ProxyPolicy.NAMESPACE);
    }

    /**
     * The host's answer: from the domain, with the stream id the handshake is computed over. It declares the Parley
     * proxy's namespace, which tells Parley that this host takes its {@link ProxyPolicy} and numbers its stanzas
     * ({@link NumberedStanzas}).
     */
    static StreamHeader hostHeader(String domain, String streamId) {
        return new StreamHeader(Optional.of(domain), Optional.empty(), Optional.of(streamId), Optional.empty(),
                Optional.empty(), ACCEPT).withPrefix(NumberedStanzas.PREFIX, ProxyPolicy.NAMESPACE);
    }

    static boolean isStanza(XmlElement element) {
        return element.namespace().equals(ACCEPT) && STANZA_NAMES.contains(element.name());
    }

    static boolean isHandshake(XmlElement element) {
        return element.namespace().equals(ACCEPT) && element.name().equals(HANDSHAKE);
    }

    static boolean isStreamError(XmlElement element) {
        return element.namespace().equals(XmppNamespaces.STREAMS) && element.name().equals("error");
    }

    /** A stanza of Parley's (in {@code jabber:server}) as it is written on the link. */
    static String write(XmlElement serverStanza) {
        return XmlWriter.write(moved(serverStanza, XmppNamespaces.SERVER, ACCEPT), SCOPE);
    }

    /** A stanza read from the link, in {@code jabber:server} as the rest of Parley has them. */
    static XmlElement read(XmlElement linkStanza) {
        return moved(linkStanza, ACCEPT, XmppNamespaces.SERVER);
    }

    /**
     * The element with every part that was in {@code from} (the stanza, and children such as {@code <body/>} that
     * inherited the stream's namespace) moved to {@code to}; payloads in namespaces of their own stay as they are.
     */
    static XmlElement moved(XmlElement element, String from, String to) {
        List<XmlNode> children = new ArrayList<>(element.children().size());
        for (XmlNode child : element.children()) {
            children.add(child instanceof XmlElement nested ? moved(nested, from, to) : child);
        }
        return new XmlElement(element.name(), element.namespace().equals(from) ? to : element.namespace(),
                element.attributes(), children);
    }

    /** Sends {@code error} and ends the stream. */
    static void fail(Channel channel, StreamError error) {
        channel.write(error.render(SCOPE));
        close(channel);
    }

    /** The closing tag, then the connection, cut after {@link #CLOSE_GRACE} if the other end reads nothing. */
    static void close(Channel channel) {
        channel.writeAndFlush(CLOSING_TAG).addListener(ChannelFutureListener.CLOSE);
        ScheduledFuture<?> forced = channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE.toNanos(),
                TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(closed -> forced.cancel(false));
    }
}
