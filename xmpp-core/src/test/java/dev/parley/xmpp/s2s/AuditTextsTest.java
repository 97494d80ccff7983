package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts kept for administrators stay short whatever a peer sends, and real domains stay whole. */
class AuditTextsTest {

    private static final String LABEL = "a".repeat(63);

    @Test
    void keepsAValidDomainWholeEvenLongerThanADnsName() {
        String longName = String.join(".", LABEL, LABEL, LABEL, LABEL) + ".test";

        assertThat(longName).hasSizeGreaterThan(AuditTexts.DOMAIN);
        assertThat(AuditTexts.domain(longName)).isEqualTo(longName);
        assertThat(AuditTexts.domain("xmpp.example")).isEqualTo("xmpp.example");
    }

    @Test
    void keepsAShortNameThatIsNoDomainAsItIs() {
        assertThat(AuditTexts.domain("not a domain")).isEqualTo("not a domain");
    }

    @Test
    void cutsALongNameThatIsNoDomainVisibly() {
        String junk = "x y".repeat(100_000);

        String kept = AuditTexts.domain(junk);

        assertThat(kept).hasSize(AuditTexts.DOMAIN).startsWith("x yx y").endsWith("…");
    }

    @Test
    void cutsANameLongerThanAnyDomainpart() {
        // valid labels, but 1284 characters where RFC 7622 allows 1023 bytes
        String tooLong = (LABEL + ".").repeat(20) + "test";

        assertThat(AuditTexts.domain(tooLong)).hasSize(AuditTexts.DOMAIN).endsWith("…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        // 1022 letters, then emoji: the cut falls between the two halves of the first one
        String text = "a".repeat(AuditTexts.DETAIL - 2) + "😀".repeat(10);

        String kept = AuditTexts.cut(text, AuditTexts.DETAIL);

        assertThat(kept).isEqualTo("a".repeat(AuditTexts.DETAIL - 2) + "…");
        assertThat(AuditTexts.cut("short", AuditTexts.DETAIL)).isEqualTo("short");
    }

    @Test
    void theFailureLogKeepsOnlyBoundedTexts() {
        FailureLog log = new FailureLog(10, Clock.systemUTC());

        log.record("peer.test", "stream error: " + "x".repeat(300_000));
        log.record("x".repeat(300_000), "refused");

        assertThat(log.recent()).extracting(ConnectionFailure::reason)
                .allSatisfy(reason -> assertThat(reason.length()).isLessThanOrEqualTo(AuditTexts.DETAIL));
        assertThat(log.recent()).extracting(ConnectionFailure::domain)
                .allSatisfy(domain -> assertThat(domain.length()).isLessThanOrEqualTo(AuditTexts.DOMAIN));
        assertThat(log.recent().get(0).domain()).isEqualTo("peer.test");
    }
}
