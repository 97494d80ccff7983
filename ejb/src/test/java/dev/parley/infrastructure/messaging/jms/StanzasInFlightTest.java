package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StanzasInFlightTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final String BUSY = "busy.test";
    private final StanzasInFlight inFlight = new StanzasInFlight(10, 2, 4);

    @Test
    void aDomainGetsOnlyItsShareOfTheEngineAndOneLeavingMakesRoom() {
        assertThat(inFlight.enterDomain(BUSY, NOW)).isTrue();
        assertThat(inFlight.enterDomain(BUSY, NOW)).isTrue();
        assertThat(inFlight.enterDomain(BUSY, NOW)).as("beyond its share of 2").isFalse();
        assertThat(inFlight.enterDomain("other.test", NOW)).as("another domain's share").isTrue();

        inFlight.leaveDomain(BUSY, NOW);
        assertThat(inFlight.enterDomain(BUSY, NOW)).isTrue();
    }

    @Test
    void aDomainWhoseVerdictsKeepComingIsBusyNotSilent() {
        inFlight.enterDomain(BUSY, NOW);
        inFlight.enterDomain(BUSY, NOW);
        inFlight.leaveDomain(BUSY, NOW.plusSeconds(4));
        inFlight.enterDomain(BUSY, NOW.plusSeconds(4));

        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(9))).as("9 s after its share opened, 5 s after a verdict")
                .isFalse();
        assertThat(inFlight.silent(BUSY, NOW.plusMillis(9_001))).isTrue();
    }

    @Test
    void aDomainGetsLongerForItsFirstVerdictAsItsSessionMayStillBeSetUp() {
        inFlight.enterDomain(BUSY, NOW);
        assertThat(inFlight.silent(BUSY, NOW.plus(StanzasInFlight.FIRST_VERDICT_WITHIN))).isFalse();
        assertThat(inFlight.silent(BUSY, NOW.plus(StanzasInFlight.FIRST_VERDICT_WITHIN).plusMillis(1))).isTrue();
    }

    @Test
    void aSilentDomainStaysSilentUntilItsServerConfirmsAStanza() {
        inFlight.enterDomain(BUSY, NOW);
        inFlight.enterDomain(BUSY, NOW);
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(16))).isTrue();

        // Bounced verdicts empty its share; it stays silent for the stanzas that come after them.
        inFlight.leaveDomain(BUSY, NOW.plusSeconds(30));
        inFlight.leaveDomain(BUSY, NOW.plusSeconds(30));
        inFlight.enterDomain(BUSY, NOW.plusSeconds(35));
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(35))).isTrue();

        inFlight.answered(BUSY);
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(35))).isFalse();
    }

    @Test
    void aDomainWithoutAVerdictCountsAsAnsweringOnlyBrieflyOnceWithAVerdictUntilSilent() {
        inFlight.enterDomain(BUSY, NOW);
        inFlight.enterDomain(BUSY, NOW);
        assertThat(inFlight.answering(BUSY, NOW.plus(StanzasInFlight.UNCONFIRMED_HELD_AT_MOST))).isTrue();
        assertThat(inFlight.answering(BUSY, NOW.plus(StanzasInFlight.UNCONFIRMED_HELD_AT_MOST).plusMillis(1)))
                .as("no verdict yet, and not silent either").isFalse();
        assertThat(inFlight.silent(BUSY, NOW.plus(StanzasInFlight.UNCONFIRMED_HELD_AT_MOST).plusMillis(1))).isFalse();

        inFlight.leaveDomain(BUSY, NOW.plusSeconds(3));
        assertThat(inFlight.answering(BUSY, NOW.plusSeconds(8))).as("5 s after a verdict").isTrue();
        assertThat(inFlight.answering(BUSY, NOW.plusMillis(8_001))).as("silent").isFalse();
    }

    @Test
    void aDomainWithNothingWithTheEngineIsNotSilent() {
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(60))).isFalse();
    }
}
