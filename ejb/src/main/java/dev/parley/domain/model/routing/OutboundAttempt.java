package dev.parley.domain.model.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * Which try this is at sending one stanza to its remote domain.
 *
 * @param number    1 for the first
 * @param firstTry  when the first try was made; the retry window counts from here
 */
public record OutboundAttempt(int number, Instant firstTry) {

    public OutboundAttempt {
        Objects.requireNonNull(firstTry, "firstTry");
        if (number < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + number);
        }
    }

    public static OutboundAttempt first(Instant now) {
        return new OutboundAttempt(1, now);
    }

    public OutboundAttempt next() {
        return new OutboundAttempt(number + 1, firstTry);
    }
}
