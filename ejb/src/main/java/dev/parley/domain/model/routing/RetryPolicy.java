package dev.parley.domain.model.routing;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a stanza that could not reach its remote domain is tried again. Only failures that time
 * can mend are retried (the domain unreachable or slow, a full queue); each wait doubles from
 * {@code firstDelay} up to {@code maxDelay}, and the last try falls at the end of the window, after
 * which the stanza goes back to its sender.
 *
 * @param window     how long after the first try a stanza may still be sent; zero for no retries
 * @param firstDelay the wait after the first failed try
 * @param maxDelay   the longest wait between tries
 */
public record RetryPolicy(Duration window, Duration firstDelay, Duration maxDelay) {

    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final Set<StanzaErrorCondition> TRANSIENT = Set.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
            StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, StanzaErrorCondition.RESOURCE_CONSTRAINT);

    public RetryPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (window.isNegative() || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("window must not be negative, and 0 < firstDelay <= maxDelay");
        }
    }

    /** Retries within {@code window}, waiting 5 s, 10 s, 20 s … up to a minute between tries. */
    public static RetryPolicy within(Duration window) {
        return new RetryPolicy(window, FIRST_DELAY, MAX_DELAY);
    }

    /** Whether time can mend a failure with {@code condition}. */
    public static boolean isTransient(StanzaErrorCondition condition) {
        return TRANSIENT.contains(condition);
    }

    /**
     * How long to wait before trying again after {@code attempt} failed with {@code condition} at
     * {@code now}; empty when the stanza should go back to its sender.
     */
    public Optional<Duration> nextTry(OutboundAttempt attempt, StanzaErrorCondition condition, Instant now) {
        Instant windowEnd = attempt.firstTry().plus(window);
        if (!isTransient(condition) || !now.isBefore(windowEnd)) {
            return Optional.empty();
        }
        Duration backoff = firstDelay.multipliedBy(1L << Math.min(attempt.number() - 1, 20));
        Duration wait = backoff.compareTo(maxDelay) > 0 ? maxDelay : backoff;
        Duration left = Duration.between(now, windowEnd);
        return Optional.of(wait.compareTo(left) > 0 ? left : wait);
    }
}
