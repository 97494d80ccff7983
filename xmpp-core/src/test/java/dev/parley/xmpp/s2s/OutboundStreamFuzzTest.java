package dev.parley.xmpp.s2s;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.tls.TrustStore;
import dev.parley.xmpp.xml.XmlLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

import javax.net.ssl.SSLException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a remote server answers on a stream we open — its header and features, STARTTLS, SASL EXTERNAL's result
 * over a real TLS handshake, dialback answers, stream management acknowledgements, in any order and any reads — the
 * outbound pipeline (as {@link OutboundConnector} builds it, with an {@link OutboundLink} using the stream) lets no
 * exception through, writes nothing after its closing tag, and loses no stanza: when the connection is gone, each
 * stanza sent on the link was acknowledged, bounced to its sender, or handed on to the next link, exactly one of
 * these. Seeds are in
 * {@code OutboundStreamFuzzTestInputs}.
 *
 * <p>The input is what {@code b.test} sends. Its last byte picks the size of the reads, the one before it whether the
 * connection starts with TLS (XEP-0368). A {@code 0xFF} byte, which UTF-8 never holds, ends a read where {@code b.test}
 * would wait for our answer before going on (after {@code <proceed/>} or a SASL {@code <success/>}, before its next
 * header). Once we start TLS, so does {@code b.test}: what it sends from there goes through a real TLS server's side.
 * The text {@value #PING} stands for the id of the last ping b.test read from us (random, so the fuzzer could never
 * answer one otherwise): an answer confirms what was written before the ping.
 */
class OutboundStreamFuzzTest {

    private static final TestPki CA = TestPki.create("Outbound Fuzz Test CA");
    private static final byte AWAIT_ANSWER = (byte) 0xFF;
    private static final String PING = "{ping}";
    private static final Pattern PING_ID = Pattern.compile("<iq [^>]*id='(ping-[^']+)'");
    private static final EngineConfig CONFIG = EmbeddedLink.config();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final S2sTls OURS = new S2sTls(TlsConfig.of(TlsPolicy.OPTIONAL,
            CA.leaf("a.test").dns("a.test").dns("c.test").issue(), List.of("a.test", "c.test")), trustingTheTestCa(), CLOCK);
    private static final SslContext THEIRS = serverContext(CA.leaf("b.test").dns("b.test").issue());

    @FuzzTest(maxDuration = "30s")
    void noExceptionEscapesAndEveryStanzaHasOneFate(FuzzedDataProvider data) {
        int bytesPerRead = data.consumeInt(1, 256);
        boolean directTls = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();

        List<List<Outgoing>> handedOn = new ArrayList<>();
        // One registry for the link's receipt pings and the pipeline's keepalive, as the engine has.
        ServerPings pings = new ServerPings();
        OutboundLink link = EmbeddedLink.link(new Bouncer(stanza -> { }), CONFIG, pings, handedOn,
                CompletableFuture.completedFuture(null));
        Map<Outgoing, Fate> sent = new IdentityHashMap<>();
        for (String from : List.of("alice@a.test", "carol@c.test", "alice@a.test/phone")) {
            Fate fate = new Fate();
            Outgoing stanza = Outgoing.tracked(Stanzas.message(from, "bob@b.test", "m" + sent.size(), "hi"), fate);
            sent.put(stanza, fate);
            link.send(Jid.parse(from).domainpart(), stanza);
        }

        RemoteServer remote = new RemoteServer();
        EmbeddedChannel ours = new EmbeddedChannel(new OutboundChannelInitializer(XmlLimits.DEFAULTS,
                directTls ? Optional.of(channel -> OURS.clientHandler(channel.alloc(), "a.test", "b.test", -1))
                        : Optional.empty(),
                new OutboundStreamSpec("a.test", "b.test", link, true),
                new OutboundStreamHandler("a.test", "b.test", link, OURS, XmlLimits.DEFAULTS, true, directTls),
                CONFIG.health(), pings));
        try {
            remote.relay(ours);
            for (byte[] segment : segments(bytes)) {
                remote.send(ours, withLastPingId(segment, remote.read), bytesPerRead);
            }

            ours.advanceTimeBy(CONFIG.dialbackTimeout().plusSeconds(1).toNanos(), TimeUnit.NANOSECONDS);
            remote.relay(ours);
            // Past the keepalive's interval and the wait for its answer, which b.test never gives now.
            ours.advanceTimeBy(CONFIG.health().pingInterval().plus(CONFIG.health().pingTimeout()).toNanos(),
                    TimeUnit.NANOSECONDS);
            remote.relay(ours);
            ours.close();
            remote.relay(ours);
            ours.checkException();

            String read = remote.read.toString();
            int closingTag = read.indexOf(ServerStreams.CLOSING_TAG);
            assertThat(closingTag < 0 || closingTag + ServerStreams.CLOSING_TAG.length() == read.length())
                    .as("nothing follows our closing tag in what b.test read: %s", read).isTrue();

            List<Outgoing> allHandedOn = handedOn.stream().flatMap(List::stream).toList();
            sent.forEach((stanza, fate) -> {
                String id = stanza.stanza().attribute("id").orElseThrow();
                long times = allHandedOn.stream().filter(again -> again.fate().equals(stanza.fate())).count()
                        + fate.settled;
                assertThat(times).as("fates of %s (settled as %s, handed on: %s)", id, fate.getNow(null),
                        allHandedOn.size()).isEqualTo(1);
                if (fate.getNow(null) instanceof Delivery.Acknowledged) {
                    assertThat(read).as("what b.test read of a stanza it acknowledged").contains("id='" + id + "'");
                }
            });
        } finally {
            ours.finishAndReleaseAll();
            remote.discard();
        }
    }

    /** A stanza's fate that counts how often it was settled: a second settlement would otherwise go unseen. */
    private static final class Fate extends CompletableFuture<Delivery> {

        int settled;

        @Override
        public boolean complete(Delivery delivery) {
            settled++;
            return super.complete(delivery);
        }
    }

    private static CertificateVerifier trustingTheTestCa() {
        return new CertificateVerifier(TrustStore.of(List.of(CA.certificate())), CLOCK);
    }

    private static SslContext serverContext(ServerCredential credential) {
        try {
            return SslContextBuilder.forServer(credential.key(), credential.chain()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The segment with {@value #PING} standing for the id of the last ping b.test read from us, if any. */
    private static byte[] withLastPingId(byte[] segment, CharSequence read) {
        String text = new String(segment, StandardCharsets.ISO_8859_1);
        if (!text.contains(PING)) {
            return segment;
        }
        Matcher ping = PING_ID.matcher(read);
        String id = "ping-none";
        while (ping.find()) {
            id = ping.group(1);
        }
        return text.replace(PING, id).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The input split at each {@link #AWAIT_ANSWER} byte, which it drops. */
    private static List<byte[]> segments(byte[] bytes) {
        List<byte[]> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == AWAIT_ANSWER) {
                segments.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return segments;
    }

    /**
     * {@code b.test}'s end of the connection: plain bytes until it starts TLS, then a TLS server's side whose records
     * are relayed both ways. What it reads is not its concern here; it only sends what the fuzzer chose.
     */
    private static final class RemoteServer {

        /** What b.test read from us, as text: before TLS, and decrypted once it started. */
        final StringBuilder read = new StringBuilder();
        final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                read.append(((ByteBuf) msg).toString(StandardCharsets.UTF_8));
                ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // Our side's TLS records meet the fuzzer's: a failed handshake is one of the outcomes under test.
                ctx.close();
            }
        });
        boolean tls;

        void startTls() {
            tls = true;
            // Not as our server starts TLS (an SNI handler lets writes through until the ClientHello): what b.test
            // sends from here on must reach us encrypted, as it would from a real peer.
            channel.pipeline().addFirst(THEIRS.newHandler(channel.alloc()));
        }

        void send(EmbeddedChannel ours, byte[] bytes, int bytesPerRead) {
            for (int offset = 0; offset < bytes.length && ours.isOpen() && (!tls || channel.isOpen());
                 offset += bytesPerRead) {
                int end = (int) Math.min((long) offset + bytesPerRead, bytes.length);
                ByteBuf read = Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, offset, end));
                if (tls) {
                    channel.writeOutbound(read);
                } else {
                    ours.writeInbound(read);
                }
                relay(ours);
            }
        }

        /**
         * Moves what either side wrote to the other until neither writes more; b.test reads our plain text. Once we
         * start TLS, so does b.test, whether or not it said {@code <proceed/>}: what the fuzzer sends after that
         * decides.
         */
        void relay(EmbeddedChannel ours) {
            for (boolean moved = true; moved; ) {
                moved = false;
                ours.runPendingTasks();
                if (!tls && ours.pipeline().get(SslHandler.class) != null) {
                    startTls();
                }
                for (Object out; (out = ours.readOutbound()) != null; ) {
                    moved = true;
                    if (!isTlsRecord(out)) {
                        read.append(((ByteBuf) out).toString(StandardCharsets.UTF_8));
                        ReferenceCountUtil.release(out);
                    } else if (tls && channel.isOpen()) {
                        channel.writeInbound(out);
                    } else {
                        ReferenceCountUtil.release(out);
                    }
                }
                channel.runPendingTasks();
                for (Object out; (out = channel.readOutbound()) != null; ) {
                    moved = true;
                    if (ours.isOpen()) {
                        ours.writeInbound(out);
                    } else {
                        ReferenceCountUtil.release(out);
                    }
                }
            }
        }

        /**
         * Drops what is left without closing: closing would have b.test's TLS side say goodbye to a peer that may
         * never have greeted it, a failure of the harness and not of what is tested.
         */
        void discard() {
            channel.releaseInbound();
            channel.releaseOutbound();
        }

        /**
         * Our STARTTLS request and the ClientHello right behind it are read from the same queue: TLS records start
         * with a content type from 20 to 23, which no XML we write begins with.
         */
        private static boolean isTlsRecord(Object out) {
            return out instanceof ByteBuf buffer && buffer.isReadable() && buffer.getByte(buffer.readerIndex()) >= 20
                    && buffer.getByte(buffer.readerIndex()) <= 23;
        }
    }
}
