package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.Channel;

/**
 * What an outbound stream reports to whoever uses it: a session that authenticates and sends
 * stanzas, or a one-off dialback verification. Called on the stream's event loop.
 */
interface OutboundStreamEvents {

    /** The stream is negotiated: TLS and SASL EXTERNAL as far as they went, dialback may flow. */
    void ready(Channel channel, NegotiatedStream negotiated);

    /** A first-level element arrived after negotiation. */
    void received(XmlElement element);

    /** The stream failed or ended before it could serve; reported at most once, and then no {@link #closed()}. */
    void failed(StanzaErrorCondition condition, String reason);

    /** The connection is gone after a successful negotiation; {@code why} says how, for the administrator. */
    void closed(String why);

    /**
     * Nothing but pings passed for the idle timeout: end the stream with {@code </stream:stream>}.
     * A session overrides this to forget itself first, so that the next stanza opens a new stream.
     */
    default void idle(Channel channel) {
        ServerStreams.close(channel);
    }
}
