package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.timeout.IdleStateHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Composes the pipeline of one inbound S2S connection, the only place that knows the order:
 * the connection limit (first, so that a refused connection costs nothing more), the read gate (no reading while
 * our answers cannot be written or the host has too many of the peer's stanzas to take), nothing written after our
 * closing tag ({@link ClosingTagGuard}), XML framing, the
 * header and authentication deadlines, the stream state machine (with STARTTLS), then (when the engine runs it) the
 * XEP-0199 pings that the server answers itself, the idle close, SASL EXTERNAL, Server Dialback and
 * the stanza gate that delivers. TLS goes in front of the decoder: from the start on a direct-TLS
 * listener, after {@code <proceed/>} otherwise. The pings come before the idle timer so
 * that a peer's keepalive does not keep an unused stream open; a stream we stopped reading is not idle.
 */
final class S2sChannelInitializer extends ChannelInitializer<Channel> {

    private final Supplier<InboundSettings> settings;
    private final ChannelGroup streams;
    private final boolean directTls;
    private final InboundConnectionLimit limit;

    /**
     * {@code settings} are read once per accepted connection (the engine swaps them when it is
     * reconfigured); {@code streams} collects every accepted connection, so that the listener can
     * end them all; without dialback services every stanza is refused; with {@code directTls}
     * (which needs those services, where the TLS is) TLS starts before the first byte of XML;
     * {@code limit} counts the connections of every listener that shares it.
     */
    S2sChannelInitializer(Supplier<InboundSettings> settings, ChannelGroup streams, boolean directTls,
                          InboundConnectionLimit limit) {
        this.settings = settings;
        this.streams = streams;
        this.directTls = directTls;
        this.limit = limit;
    }

    /** A pipeline that authenticates nobody and so accepts no stanza. */
    S2sChannelInitializer(ListenerConfig config, ChannelGroup streams) {
        this(() -> new InboundSettings(config, Optional.empty()), streams, false, new InboundConnectionLimit(config::inbound));
    }

    @Override
    protected void initChannel(Channel channel) {
        streams.add(channel);
        channel.pipeline().addLast("connection-limit", limit);
        InboundSettings current = settings.get();
        ListenerConfig config = current.config();
        Optional<InboundDialback> dialback = current.dialback();
        Optional<InboundSession> session = dialback.map(services -> new InboundSession(services.ids().next(), channel,
                services.clock().instant(), services.events()));
        Optional<InboundNegotiation> negotiation = dialback.map(services -> new InboundNegotiation(services.tls(),
                session.orElseThrow()));
        if (directTls) {
            dialback.orElseThrow().tls().startServer(channel.pipeline());
        }
        InboundReadGate reading = new InboundReadGate();
        Optional<InboundBacklog> backlog = dialback.map(services -> new InboundBacklog(channel, reading,
                services.backlogs(), services.listener(), paused -> services.pings().unread(session.get(), paused)));
        channel.pipeline()
                .addLast("read-gate", reading)
                // XMPP is UTF-8 only (RFC 6120 §11.6); handlers write text.
                .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                .addLast(ClosingTagGuard.NAME, new ClosingTagGuard())
                .addLast(StreamRestart.DECODER, new XmlStreamDecoder(config.limits()))
                .addLast("header-deadline", new StreamOpenDeadline(config.inbound().headerTimeout()))
                .addLast("authentication-deadline", new AuthenticationDeadline(
                        config.inbound().authenticationTimeout(),
                        session.<BooleanSupplier>map(stream -> stream::isAuthenticated).orElse(() -> false)))
                .addLast("inbound-stream", new InboundStreamHandler(new InitialHeaderCheck(config), negotiation,
                        config.limits(), afterStanzasTaken(backlog)));
        dialback.ifPresent(services -> {
            services.sessions().add(session.get());
            channel.closeFuture().addListener(closed -> {
                session.get().close();
                services.sessions().remove(session.get());
            });
            Duration idle = services.health().idleTimeout();
            channel.pipeline()
                    .addLast("inbound-sm", new InboundStreamManagement(backlog.get()))
                    .addLast("inbound-pings", new InboundPingHandler(config, session.get(), services.pings(),
                            services.replies(), backlog.get()))
                    .addLast("idle-timer", new IdleStateHandler(0, 0, idle.toNanos(), TimeUnit.NANOSECONDS))
                    .addLast("idle-close", new IdleStreamCloser(idle,
                            idleChannel -> session.get().end(IdleStreamCloser.reason(idle)), backlog.get()::pausedForTheHost))
                    .addLast("inbound-sasl", new InboundSaslHandler(negotiation.get(), services.remoteDomains()))
                    .addLast("inbound-dialback", new InboundDialbackHandler(config, services, session.get(), negotiation.get()))
                    .addLast("inbound-stanzas", new InboundStanzaGate(session.get(), backlog.get()));
        });
    }

    /** Runs an answer once the host took every stanza handed so far; at once on a stream that takes none. */
    private static Consumer<Runnable> afterStanzasTaken(Optional<InboundBacklog> backlog) {
        return backlog.<Consumer<Runnable>>map(held -> answer -> held.afterAllTaken(() -> {
            answer.run();
            return CompletableFuture.completedFuture(null);
        })).orElse(Runnable::run);
    }
}
