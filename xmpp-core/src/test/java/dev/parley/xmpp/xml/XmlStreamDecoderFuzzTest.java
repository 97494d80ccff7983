package dev.parley.xmpp.xml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes a peer sends, in whatever reads, the decoder either turns them into stream events or refuses them
 * with an {@link XmlViolationException} (which ends the stream with its stream error): no other exception, no hang,
 * and every stanza it hands on is one the writer can write back and the decoder reads back the same. Seeds are in
 * {@code XmlStreamDecoderFuzzTestInputs}, from the hostile-input tests; {@code FUZZING.md} says how to fuzz longer.
 */
class XmlStreamDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesInAnyReadsAreDecodedOrRefusedAsAViolation(FuzzedDataProvider data) {
        int bytesPerRead = data.consumeInt(1, 512);
        byte[] bytes = data.consumeRemainingAsBytes();
        DecoderHarness decoder = new DecoderHarness();
        try {
            decoder.feed(bytes, bytesPerRead);
        } catch (XmlViolationException refused) {
            return;
        }
        for (XmlStreamEvent event : decoder.events()) {
            if (event instanceof XmlStreamEvent.ElementReceived received) {
                writesBackTheSame(received.element());
            }
        }
    }

    /** A decoded stanza written out and read again inside a stream header is the stanza it was. */
    private static void writesBackTheSame(XmlElement stanza) {
        String written = XmlWriter.write(stanza, NamespaceScope.of("jabber:server"));
        XmlStreamEvent again = new DecoderHarness().feed(DecoderHarness.header() + written).stream()
                .filter(XmlStreamEvent.ElementReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(((XmlStreamEvent.ElementReceived) again).element()).isEqualTo(stanza);
    }
}
