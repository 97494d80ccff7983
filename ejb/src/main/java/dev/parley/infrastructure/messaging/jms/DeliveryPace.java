package dev.parley.infrastructure.messaging.jms;

import java.time.Duration;

/**
 * How many stanzas local delivery takes in one transaction: many, so that one commit serves them all; but one at a
 * time for a while after a transaction failed, so that a stanza that can never be delivered fails alone, and goes to
 * the dead-letter queue after its attempts, instead of taking the others of its batch there with it.
 */
final class DeliveryPace {

    private final int most;
    private final long aloneNanos;
    private volatile boolean failedOnce;
    private volatile long lastFailure;

    /** Up to {@code most} a transaction, but one until {@code alone} has passed since the last failure. */
    DeliveryPace(int most, Duration alone) {
        if (most < 1) {
            throw new IllegalArgumentException("At least one stanza a transaction, not " + most);
        }
        this.most = most;
        this.aloneNanos = alone.toNanos();
    }

    /** How many stanzas the transaction that starts at {@code now} (a {@link System#nanoTime()}) may take. */
    int batchAt(long now) {
        return failedOnce && now - lastFailure < aloneNanos ? 1 : most;
    }

    /** A transaction failed at {@code now}: what it held comes again. */
    void failedAt(long now) {
        lastFailure = now;
        failedOnce = true;
    }
}
