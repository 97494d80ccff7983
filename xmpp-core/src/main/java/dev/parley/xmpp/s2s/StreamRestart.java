package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.ChannelPipeline;

/**
 * A stream restart (RFC 6120 §4.3.3) after STARTTLS or SASL: the XML stream begins anew with a fresh
 * header on the same connection. Fired as a user event by the handler that negotiated the step, so
 * that the stream handler expects the new header. The decoder is replaced rather than reset: its
 * Aalto parser has seen the old root element and cannot begin a second document.
 */
enum StreamRestart {
    INSTANCE;

    /** The pipeline name of the XML decoder in every S2S pipeline. */
    static final String DECODER = "xml-decoder";

    /** Swaps in a fresh decoder; whatever arrives next is parsed as a new stream. */
    static void renewDecoder(ChannelPipeline pipeline, XmlLimits limits) {
        pipeline.replace(DECODER, DECODER, new XmlStreamDecoder(limits));
    }
}
