package dev.parley.xmpp.s2s;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.xmpp.testing.StreamWrites;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a remote server sends on an inbound stream — headers, features, STARTTLS, dialback requests and answers,
 * stanzas, in any order and any reads — the engine's inbound pipeline (with its TLS and dialback services, as
 * {@link S2sEngine} builds it) answers with the protocol or a stream error of the peer's making, never with
 * {@code internal-server-error} (an exception of our own), never by letting an exception through, and writes nothing
 * after its closing tag. Seeds are in
 * {@code InboundStreamFuzzTestInputs}, from the hostile-input and negotiation tests.
 */
class InboundStreamFuzzTest {

    private static final TestPki CA = TestPki.create("Fuzz Test CA");
    private static final LoopbackDns DNS = new LoopbackDns();
    private static S2sEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("example.com"), DNS, DNS)
                .withTls(TlsConfig.of(TlsPolicy.OPTIONAL, CA.leaf("example.com").dns("example.com").issue(),
                        List.of("example.com"))), stanza -> { });
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anyInputGetsTheProtocolOrAStreamErrorOfThePeersMaking(FuzzedDataProvider data) {
        int bytesPerRead = data.consumeInt(1, 256);
        byte[] bytes = data.consumeRemainingAsBytes();
        EmbeddedChannel channel = new EmbeddedChannel(new S2sChannelInitializer(engine::inboundSettings,
                new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE), false,
                new InboundConnectionLimit(() -> InboundLimits.DEFAULTS)));
        try {
            for (int offset = 0; offset < bytes.length && channel.isOpen(); offset += bytesPerRead) {
                int end = (int) Math.min((long) offset + bytesPerRead, bytes.length);
                channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, offset, end)));
            }
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runPendingTasks();
            channel.checkException();
            List<String> written = StreamWrites.drain(channel);
            assertThat(StreamWrites.answersInternalServerError(written)).as("internal-server-error in %s", written)
                    .isFalse();
            assertThat(StreamWrites.writtenAfterClosingTag(written)).as("written after our closing tag: %s", written)
                    .isFalse();
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
