package dev.parley.xmpp.component;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.s2s.ClosingTagGuard;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.testing.StreamWrites;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.string.StringEncoder;

import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a component sends to the proxy's link listener (XEP-0114) — its header, the handshake, and once linked
 * numbered stanzas, acknowledgements, policy parts, session closes, in any order and any reads — the host's side of the
 * stream lets no exception through, never answers {@code internal-server-error}, writes nothing after its closing tag,
 * links only on the right handshake, and hands its host only stanzas from the linked domain. Seeds are in
 * {@code ComponentHostFuzzTestInputs}.
 *
 * <p>The input is what the component sends; its last byte picks the size of the reads. A {@code 0xFF} byte (never in
 * UTF-8) ends a read where a component would wait for the host's answer, and the text {@value #HANDSHAKE} stands for
 * the handshake computed over the stream id the host sent, with the link's secret: without it the fuzzer could never
 * get past the handshake, which is a SHA-1 over a random id.
 */
class ComponentHostFuzzTest {

    private static final String DOMAIN = "parley.test";
    private static final ComponentSecret SECRET = new ComponentSecret("correct horse battery staple");
    private static final String HANDSHAKE = "{handshake}";
    private static final Pattern STREAM_ID = Pattern.compile("<stream:stream[^>]* id='([^']+)'");
    private static final ComponentListenerConfig CONFIG = ComponentListenerConfig.of(InetAddress.getLoopbackAddress(),
            0, DOMAIN, SECRET);

    @FuzzTest(maxDuration = "30s")
    void noExceptionNoInternalErrorAndOnlyTheLinkedDomainsStanzas(FuzzedDataProvider data) {
        int bytesPerRead = data.consumeInt(1, 256);
        byte[] bytes = data.consumeRemainingAsBytes();
        RecordingHost host = new RecordingHost();
        ComponentLinks links = new ComponentLinks(host, Clock.systemUTC(), Duration.ofSeconds(60));
        // The pipeline ComponentListener builds for each connection, TLS aside.
        EmbeddedChannel channel = new EmbeddedChannel(new StringEncoder(StandardCharsets.UTF_8), new ClosingTagGuard(),
                new XmlStreamDecoder(XmlLimits.DEFAULTS), new ComponentHostHandler(CONFIG, links, Clock.systemUTC()));
        List<String> written = new ArrayList<>();
        boolean rightHandshakeSent = false;
        try {
            for (String segment : new String(bytes, StandardCharsets.ISO_8859_1).split("\u00ff", -1)) {
                written.addAll(StreamWrites.drain(channel));
                byte[] read = segment.getBytes(StandardCharsets.ISO_8859_1);
                Optional<String> streamId = streamId(written);
                if (segment.contains(HANDSHAKE)) {
                    rightHandshakeSent |= streamId.isPresent();
                    String handshake = streamId.map(id -> Handshake.digest(id, SECRET)).orElse("0".repeat(40));
                    read = segment.replace(HANDSHAKE, handshake).getBytes(StandardCharsets.ISO_8859_1);
                }
                for (int offset = 0; offset < read.length && channel.isOpen(); offset += bytesPerRead) {
                    int end = Math.min(offset + bytesPerRead, read.length);
                    channel.writeInbound(Unpooled.wrappedBuffer(read, offset, end - offset));
                    channel.runPendingTasks();
                }
            }
            channel.advanceTimeBy(CONFIG.handshakeTimeout().plusSeconds(1).toNanos(), TimeUnit.NANOSECONDS);
            channel.runPendingTasks();
            channel.checkException();
            written.addAll(StreamWrites.drain(channel));

            assertThat(StreamWrites.answersInternalServerError(written)).as("internal-server-error in %s", written).isFalse();
            assertThat(StreamWrites.writtenAfterClosingTag(written)).as("written after the closing tag: %s", written)
                    .isFalse();
            if (!rightHandshakeSent) {
                assertThat(host.linked).as("links without the right handshake").isZero();
            }
            assertThat(host.stanzas).as("stanzas handed to the host")
                    .allSatisfy(stanza -> assertThat(Jid.parse(stanza.attribute("from").orElseThrow()).domainpart())
                            .isEqualTo(DOMAIN));
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** The stream id of the host's header, once it was written. */
    private static Optional<String> streamId(List<String> written) {
        return written.stream().map(STREAM_ID::matcher).filter(Matcher::find).map(header -> header.group(1)).findFirst();
    }

    /** Takes every stanza at once, as a host with room does. */
    private static final class RecordingHost implements ComponentHost {

        final List<XmlElement> stanzas = new ArrayList<>();
        int linked;

        @Override
        public void linkUp(ComponentLink link) {
            linked++;
        }

        @Override
        public Optional<CompletionStage<Delivery>> stanza(ComponentLink link, XmlElement stanza) {
            stanzas.add(stanza);
            return Optional.of(CompletableFuture.completedFuture(new Delivery.Acknowledged()));
        }

        @Override
        public void linkDown(ComponentLink link, String reason) {
        }

        @Override
        public void policy(ComponentLink link, ProxyPolicy policy) {
        }

        @Override
        public void closeSession(ComponentLink link, String id) {
        }

        @Override
        public void refused(SocketAddress peer, String reason) {
        }
    }
}
