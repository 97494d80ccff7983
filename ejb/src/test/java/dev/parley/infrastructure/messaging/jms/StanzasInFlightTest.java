package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StanzasInFlightTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration QUIET = Duration.ofSeconds(1);
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
        assertThat(inFlight.silent(BUSY, NOW.plusMillis(900), QUIET)).isFalse();

        inFlight.leaveDomain(BUSY, NOW.plusMillis(900));
        inFlight.enterDomain(BUSY, NOW.plusMillis(900));
        assertThat(inFlight.silent(BUSY, NOW.plusMillis(1_800), QUIET))
                .as("1.8 s after its share opened, but 0.9 s after its last verdict").isFalse();
    }

    @Test
    void aDomainWithoutAVerdictForTheQuietTimeIsSilentUntilItsServerConfirmsAStanza() {
        inFlight.enterDomain(BUSY, NOW);
        inFlight.enterDomain(BUSY, NOW);
        assertThat(inFlight.silent(BUSY, NOW.plusMillis(1_001), QUIET)).isTrue();

        // Bounced verdicts empty its share; it stays silent for the stanzas that come after them.
        inFlight.leaveDomain(BUSY, NOW.plusSeconds(30));
        inFlight.leaveDomain(BUSY, NOW.plusSeconds(30));
        inFlight.enterDomain(BUSY, NOW.plusSeconds(35));
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(35), QUIET)).isTrue();

        inFlight.answered(BUSY);
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(35), QUIET)).isFalse();
    }

    @Test
    void aDomainWithNothingWithTheEngineIsNotSilent() {
        assertThat(inFlight.silent(BUSY, NOW.plusSeconds(60), QUIET)).isFalse();
    }
}
