package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Composes the pipeline of one outbound S2S connection: TLS first on a direct-TLS connection
 * (STARTTLS puts it there later), UTF-8 text out and nothing after our closing tag ({@link ClosingTagGuard}), XML
 * framing in, the XEP-0199 keepalive behind a timer of what arrives, the idle close behind a timer of all traffic, then
 * the negotiation state machine. Dialback itself is spoken by the {@link OutboundStreamEvents} the stream handler reports
 * to, since its state spans streams. Stream management's counter sits right behind the framing, where
 * every stanza written passes, the keepalive's pings too, and every element read arrives first.
 *
 * <p>The order is what makes pings keepalives only: the keepalive writes its pings and swallows
 * their answers in front of the idle timer, which so sees the session's stanzas and dialback alone.
 */
final class OutboundChannelInitializer extends ChannelInitializer<Channel> {

    /** The pipeline name of the negotiation state machine, which a losing connection attempt gives up. */
    static final String STREAM_HANDLER = "outbound-stream";

    private final XmlLimits limits;
    private final Optional<Function<Channel, SslHandler>> directTls;
    private final OutboundStreamSpec stream;
    private final OutboundStreamHandler streamHandler;
    private final SessionHealth health;
    private final ServerPings pings;

    /** {@code directTls} makes the TLS handler when the connection starts with TLS (XEP-0368). */
    OutboundChannelInitializer(XmlLimits limits, Optional<Function<Channel, SslHandler>> directTls,
                               OutboundStreamSpec stream, OutboundStreamHandler streamHandler, SessionHealth health,
                               ServerPings pings) {
        this.limits = limits;
        this.directTls = directTls;
        this.stream = stream;
        this.streamHandler = streamHandler;
        this.health = health;
        this.pings = pings;
    }

    @Override
    protected void initChannel(Channel channel) {
        directTls.ifPresent(tls -> channel.pipeline().addLast(S2sTls.HANDLER_NAME, tls.apply(channel)));
        channel.pipeline()
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast(ClosingTagGuard.NAME, new ClosingTagGuard())
                .addLast(StreamRestart.DECODER, new XmlStreamDecoder(limits))
                .addLast(OutboundStreamManagement.NAME, new OutboundStreamManagement())
                .addLast("ping-timer", new IdleStateHandler(health.pingInterval().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                .addLast("ping-keepalive", new PingKeepalive(stream.localDomain(), stream.remoteDomain(),
                        health.pingTimeout(), pings))
                .addLast("idle-timer", new IdleStateHandler(0, 0, health.idleTimeout().toNanos(), TimeUnit.NANOSECONDS))
                .addLast("idle-close", new IdleStreamCloser(health.idleTimeout(), stream.events()::idle))
                .addLast(STREAM_HANDLER, streamHandler);
    }
}
