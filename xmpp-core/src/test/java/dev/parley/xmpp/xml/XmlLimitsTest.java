package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlLimitsTest {

    private static final XmlLimits LIMITS = new XmlLimits(10_000, 4, 10, 20);

    /** A message of exactly {@code bytes} bytes. */
    private static String messageOf(int bytes) {
        String open = "<message><body>";
        String close = "</body></message>";
        return open + "x".repeat(bytes - open.length() - close.length()) + close;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, Integer.MAX_VALUE})
    void acceptsStanzaOfExactlyTheLimit(int bytesPerRead) {
        List<XmlStreamEvent> events = new DecoderHarness(LIMITS)
                .feed(DecoderHarness.header() + messageOf(10_000) + messageOf(10_000), bytesPerRead);

        assertThat(events).filteredOn(XmlStreamEvent.ElementReceived.class::isInstance).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, Integer.MAX_VALUE})
    void rejectsOversizedStanzaWithPolicyViolation(int bytesPerRead) {
        DecoderHarness decoder = new DecoderHarness(LIMITS);

        assertPolicyViolation(() -> decoder.feed(DecoderHarness.header() + messageOf(10_001), bytesPerRead));
        assertThat(decoder.events()).noneMatch(XmlStreamEvent.ElementReceived.class::isInstance);
    }

    @Test
    void rejectsEndlessStartTagWithPolicyViolation() {
        DecoderHarness decoder = new DecoderHarness(LIMITS);
        decoder.feed(DecoderHarness.header() + "<message to='");

        // The parser would buffer this unfinished attribute value for ever.
        assertPolicyViolation(() -> decoder.feed("a".repeat(10_000), 1000));
    }

    @Test
    void rejectsOversizedStreamHeaderWithPolicyViolation() {
        assertPolicyViolation(() -> new DecoderHarness(LIMITS)
                .feed("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' to='" + "a".repeat(10_000) + "'>", 512));
    }

    @Test
    void doesNotCountWhitespaceKeepalivesTowardsTheLimit() {
        DecoderHarness decoder = new DecoderHarness(LIMITS);
        decoder.feed(DecoderHarness.header());
        for (int i = 0; i < 3_000; i++) {
            decoder.feed(" \n");
        }

        assertThat(decoder.feed(messageOf(10_000))).hasSize(1);
    }

    @Test
    void acceptsNestingUpToTheDepthLimit() {
        List<XmlStreamEvent> events = new DecoderHarness(LIMITS).feed(DecoderHarness.header() + "<a><b><c><d/></c></b></a>");

        assertThat(events).hasSize(2);
    }

    @Test
    void rejectsTooDeepNestingWithPolicyViolation() {
        assertPolicyViolation(() -> new DecoderHarness(LIMITS).feed(DecoderHarness.header() + "<a><b><c><d><e/></d></c></b></a>"));
    }

    @Test
    void acceptsAStanzaOfExactlyTheMostElementsAndCountsEachStanzaAnew() {
        String stanza = "<message>" + "<x/>".repeat(19) + "</message>";

        List<XmlStreamEvent> events = new DecoderHarness(LIMITS).feed(DecoderHarness.header() + stanza + stanza);

        assertThat(events).filteredOn(XmlStreamEvent.ElementReceived.class::isInstance).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void rejectsAStanzaOfTooManyElementsWithPolicyViolation(int bytesPerRead) {
        DecoderHarness decoder = new DecoderHarness(LIMITS);
        // Nested and side by side alike: every element in the stanza counts.
        String stanza = "<message><a><b/></a>" + "<x/>".repeat(18) + "</message>";

        assertPolicyViolation(() -> decoder.feed(DecoderHarness.header() + stanza, bytesPerRead));
        assertThat(decoder.events()).noneMatch(XmlStreamEvent.ElementReceived.class::isInstance);
    }

    @Test
    void rejectsTooManyAttributesWithPolicyViolation() {
        StringBuilder element = new StringBuilder("<message");
        for (int i = 0; i < 11; i++) {
            element.append(" a").append(i).append("='v'");
        }

        assertPolicyViolation(() -> new DecoderHarness(LIMITS).feed(DecoderHarness.header() + element + "/>"));
    }

    @Test
    void countsNamespaceDeclarationsAsAttributes() {
        StringBuilder element = new StringBuilder("<message");
        for (int i = 0; i < 11; i++) {
            element.append(" xmlns:p").append(i).append("='urn:").append(i).append('\'');
        }

        assertPolicyViolation(() -> new DecoderHarness(LIMITS).feed(DecoderHarness.header() + element + "/>"));
    }

    @Test
    void refusesLimitsBelowWhatRfc6120Requires() {
        assertThatThrownBy(() -> new XmlLimits(9_999, 4, 10, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertPolicyViolation(Runnable decoding) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(XmlViolationException.class,
                e -> assertThat(e.violation()).isEqualTo(XmlViolation.POLICY_VIOLATION));
    }
}
