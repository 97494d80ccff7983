package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.string.StringEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Composes the pipeline of one inbound S2S connection, the only place that knows the order:
 * XML framing, the header deadline, then the stream state machine. TLS will go in front of the
 * decoder and authentication behind the deadline.
 */
final class S2sChannelInitializer extends ChannelInitializer<Channel> {

    private final ListenerConfig config;
    private final ChannelGroup streams;

    /** {@code streams} collects every accepted connection, so that the listener can end them all. */
    S2sChannelInitializer(ListenerConfig config, ChannelGroup streams) {
        this.config = config;
        this.streams = streams;
    }

    @Override
    protected void initChannel(Channel channel) {
        streams.add(channel);
        channel.pipeline()
                // XMPP is UTF-8 only (RFC 6120 §11.6); handlers write text.
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast("xml-decoder", new XmlStreamDecoder(config.limits()))
                .addLast("header-deadline", new StreamOpenDeadline(config.headerTimeout()))
                .addLast("inbound-stream", new InboundStreamHandler(new InitialHeaderCheck(config)));
    }
}
