package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPaceTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final DeliveryPace pace = new DeliveryPace(100, Duration.ofSeconds(10));

    @Test
    void takesTheMostATransactionWhileNothingFailed() {
        assertThat(pace.batchAt(Long.MIN_VALUE + 1)).isEqualTo(100);
        assertThat(pace.batchAt(0)).isEqualTo(100);
        assertThat(pace.batchAt(Long.MAX_VALUE)).isEqualTo(100);
    }

    @Test
    void takesOneATransactionUntilTheQuietTimePassedSinceTheLastFailure() {
        long failure = 5 * SECOND;
        pace.failedAt(failure);
        assertThat(pace.batchAt(failure)).isEqualTo(1);
        assertThat(pace.batchAt(failure + 9 * SECOND)).isEqualTo(1);

        pace.failedAt(failure + 9 * SECOND);
        assertThat(pace.batchAt(failure + 18 * SECOND)).as("a later failure starts the quiet time again").isEqualTo(1);
        assertThat(pace.batchAt(failure + 19 * SECOND)).isEqualTo(100);
    }

    @Test
    void aFailureNearTheClocksWrapStillCounts() {
        long failure = Long.MAX_VALUE - SECOND;
        pace.failedAt(failure);
        assertThat(pace.batchAt(failure + 2 * SECOND)).as("System.nanoTime may wrap").isEqualTo(1);
        assertThat(pace.batchAt(failure + 11 * SECOND)).isEqualTo(100);
    }

    @Test
    void refusesLessThanOneATransaction() {
        assertThatThrownBy(() -> new DeliveryPace(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
