package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslHandler;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Composes the pipeline of one outbound S2S connection: TLS first on a direct-TLS connection
 * (STARTTLS puts it there later), UTF-8 text out, XML framing in, then the negotiation state
 * machine. Dialback itself is spoken by the {@link OutboundStreamEvents} the stream handler reports
 * to, since its state spans streams.
 */
final class OutboundChannelInitializer extends ChannelInitializer<Channel> {

    private final XmlLimits limits;
    private final Optional<Function<Channel, SslHandler>> directTls;
    private final OutboundStreamHandler streamHandler;

    /** {@code directTls} makes the TLS handler when the connection starts with TLS (XEP-0368). */
    OutboundChannelInitializer(XmlLimits limits, Optional<Function<Channel, SslHandler>> directTls,
                               OutboundStreamHandler streamHandler) {
        this.limits = limits;
        this.directTls = directTls;
        this.streamHandler = streamHandler;
    }

    @Override
    protected void initChannel(Channel channel) {
        directTls.ifPresent(tls -> channel.pipeline().addLast(S2sTls.HANDLER_NAME, tls.apply(channel)));
        channel.pipeline()
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast(StreamRestart.DECODER, new XmlStreamDecoder(limits))
                .addLast("outbound-stream", streamHandler);
    }
}
