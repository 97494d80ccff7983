package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderLinesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T05:00:00Z");
    private final SenderLines lines = new SenderLines();
    private final SenderLines.Pair alice = new SenderLines.Pair("alice@ours.test", "theirs.test");

    @Test
    void aSendersLaterStanzasGoBehindTheOneThatWentBackAndComeAgainAfterIt() {
        Instant retry = NOW.plusSeconds(5);
        assertThat(lines.open(alice, NOW)).isFalse();
        assertThat(lines.due(alice, 1, retry)).as("the first place is due when its retry is").isEqualTo(retry);
        lines.wentBack(alice, 1, retry);

        assertThat(lines.open(alice, NOW)).as("a later stanza of hers joins the line").isTrue();
        assertThat(lines.first(alice, 2)).isFalse();
        Instant second = lines.due(alice, 2, NOW);
        assertThat(second).isEqualTo(retry.plusMillis(1));
        lines.wentBack(alice, 2, second);
        assertThat(lines.due(alice, 3, NOW)).isEqualTo(second.plusMillis(1));
    }

    @Test
    void onlyTheFirstPlaceGoesOnAndTheLineClosesWithTheLast() {
        lines.wentBack(alice, 1, NOW);
        lines.wentBack(alice, 2, NOW.plusMillis(1));

        assertThat(lines.first(alice, 2)).as("come again before the first").isFalse();
        assertThat(lines.first(alice, 1)).isTrue();
        lines.wentOn(alice, 1);
        assertThat(lines.first(alice, 2)).isTrue();
        lines.wentOn(alice, 2);
        assertThat(lines.open(alice, NOW)).isFalse();
    }

    @Test
    void aPlaceThatComesAgainBeforeTheFirstGoesBackBehindTheWholeLineAfterAPause() {
        lines.wentBack(alice, 1, NOW.plusSeconds(5));
        lines.wentBack(alice, 2, NOW.plusSeconds(5).plusMillis(1));
        lines.wentBack(alice, 3, NOW.plusSeconds(5).plusMillis(2));

        assertThat(lines.due(alice, 2, NOW.plusSeconds(5).plusMillis(3))).as("behind the line's last")
                .isEqualTo(NOW.plusSeconds(5).plusMillis(3).plus(SenderLines.PAUSE));
        lines.wentBack(alice, 1, NOW.plusSeconds(30));
        assertThat(lines.due(alice, 3, NOW.plusSeconds(6))).as("behind a first that went back again")
                .isEqualTo(NOW.plusSeconds(30).plusMillis(1));
    }

    @Test
    void aPlaceThatGoesRoundAgainIsDueRightAfterThePlaceBeforeItNotBehindTheLinesLast() {
        for (int place = 1; place <= 10; place++) {
            lines.wentBack(alice, place, NOW.plusSeconds(5).plusMillis(place - 1));
        }

        // Parked until the first was late, say: behind place 10 it would come after 3 … 10, which would find it out on
        // the queue and go round again in turn.
        assertThat(lines.due(alice, 2, NOW)).isEqualTo(NOW.plusSeconds(5).plusMillis(1));
    }

    @Test
    void whileTheFirstIsOverdueAPlaceThatComesAgainWaitsLonger() {
        lines.wentBack(alice, 1, NOW);
        lines.wentBack(alice, 2, NOW.plusMillis(1));

        assertThat(lines.due(alice, 2, NOW.plus(SenderLines.PAUSE)))
                .isEqualTo(NOW.plus(SenderLines.PAUSE).plus(SenderLines.PAUSE));
        assertThat(lines.due(alice, 2, NOW.plus(SenderLines.PAUSE).plusMillis(1)))
                .isEqualTo(NOW.plus(SenderLines.PAUSE).plusMillis(1).plus(SenderLines.FIRST_OVERDUE_PAUSE));
    }

    @Test
    void aStanzaThatWentOnAndIsRetriedTakesItsPlaceAheadOfLaterOnes() {
        lines.wentBack(alice, 3, NOW.plusSeconds(5));

        lines.wentBack(alice, 2, NOW.plusSeconds(5));

        assertThat(lines.first(alice, 2)).isTrue();
        assertThat(lines.first(alice, 3)).isFalse();
    }

    @Test
    void otherSendersAndOtherDomainsHaveLinesOfTheirOwn() {
        lines.wentBack(alice, 1, NOW.plusSeconds(5));

        assertThat(lines.open(new SenderLines.Pair("bob@ours.test", "theirs.test"), NOW)).isFalse();
        assertThat(lines.open(new SenderLines.Pair("alice@ours.test", "elsewhere.test"), NOW)).isFalse();
    }

    @Test
    void aFirstPlaceThatNeverCameAgainIsGivenUpRatherThanHoldingTheSenderForGood() {
        lines.wentBack(alice, 1, NOW);
        lines.wentBack(alice, 2, NOW.plus(SenderLines.GIVEN_UP_AFTER));

        assertThat(lines.open(alice, NOW.plus(SenderLines.GIVEN_UP_AFTER).plusSeconds(1))).isTrue();
        assertThat(lines.first(alice, 2)).as("the lost first is given up").isTrue();
    }

    @Test
    void aFirstIsDueAroundNowOnlyWithinTheMarginEitherWay() {
        Duration margin = Duration.ofSeconds(2);
        assertThat(lines.firstDueAround(alice, NOW, margin)).as("no line").isFalse();
        lines.wentBack(alice, 1, NOW.plusSeconds(1));

        assertThat(lines.firstDueAround(alice, NOW, margin)).as("due soon").isTrue();
        assertThat(lines.firstDueAround(alice, NOW.minusSeconds(2), margin)).as("due later than the margin").isFalse();
        assertThat(lines.firstDueAround(alice, NOW.plusSeconds(2), margin)).as("late, within the margin").isTrue();
        assertThat(lines.firstDueAround(alice, NOW.plusSeconds(4), margin)).as("late beyond the margin").isFalse();
    }
}
