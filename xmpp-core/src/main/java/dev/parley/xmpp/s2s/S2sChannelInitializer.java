package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.string.StringEncoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Composes the pipeline of one inbound S2S connection, the only place that knows the order:
 * XML framing, the header deadline, the stream state machine, then (when the engine runs it) Server
 * Dialback and the stanza gate that delivers. TLS will go in front of the decoder.
 */
final class S2sChannelInitializer extends ChannelInitializer<Channel> {

    private final ListenerConfig config;
    private final ChannelGroup streams;
    private final Optional<InboundDialback> dialback;

    /**
     * {@code streams} collects every accepted connection, so that the listener can end them all;
     * without {@code dialback} every stanza is refused.
     */
    S2sChannelInitializer(ListenerConfig config, ChannelGroup streams, Optional<InboundDialback> dialback) {
        this.config = config;
        this.streams = streams;
        this.dialback = dialback;
    }

    /** A pipeline that authenticates nobody and so accepts no stanza. */
    S2sChannelInitializer(ListenerConfig config, ChannelGroup streams) {
        this(config, streams, Optional.empty());
    }

    @Override
    protected void initChannel(Channel channel) {
        streams.add(channel);
        channel.pipeline()
                // XMPP is UTF-8 only (RFC 6120 §11.6); handlers write text.
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast("xml-decoder", new XmlStreamDecoder(config.limits()))
                .addLast("header-deadline", new StreamOpenDeadline(config.headerTimeout()))
                .addLast("inbound-stream", new InboundStreamHandler(new InitialHeaderCheck(config), dialback.isPresent()));
        dialback.ifPresent(services -> {
            InboundSession session = new InboundSession(remoteAddress(channel), services.clock().instant());
            services.sessions().add(session);
            channel.closeFuture().addListener(closed -> {
                session.close();
                services.sessions().remove(session);
            });
            channel.pipeline()
                    .addLast("inbound-dialback", new InboundDialbackHandler(config, services, session))
                    .addLast("inbound-stanzas", new InboundStanzaGate(session, services.listener()));
        });
    }

    private static Optional<InetSocketAddress> remoteAddress(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress address ? Optional.of(address) : Optional.empty();
    }
}
