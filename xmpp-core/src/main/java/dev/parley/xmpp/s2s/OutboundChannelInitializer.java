package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.string.StringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Composes the pipeline of one outbound S2S connection: UTF-8 text out, XML framing in, then the
 * negotiation state machine. TLS will go in front of the decoder. Dialback itself is spoken by
 * the {@link OutboundStreamEvents} the stream handler reports to, since its state spans streams.
 */
final class OutboundChannelInitializer extends ChannelInitializer<Channel> {

    private final XmlLimits limits;
    private final Supplier<OutboundStreamHandler> streamHandler;

    /** {@code streamHandler} makes a fresh handler per connection attempt. */
    OutboundChannelInitializer(XmlLimits limits, Supplier<OutboundStreamHandler> streamHandler) {
        this.limits = limits;
        this.streamHandler = streamHandler;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast("xml-decoder", new XmlStreamDecoder(limits))
                .addLast("outbound-stream", streamHandler.get());
    }
}
