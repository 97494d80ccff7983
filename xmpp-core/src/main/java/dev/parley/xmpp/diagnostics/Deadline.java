package dev.parley.xmpp.diagnostics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The time a probe run has left, and each step's share of it. */
final class Deadline {

    private final Duration total;
    private final long end;

    Deadline(Duration total) {
        this.total = total;
        this.end = System.nanoTime() + total.toNanos();
    }

    /**
     * How long a step may take: its own {@code limit}, or what is left of the run when that is less.
     *
     * @param duration how long; zero once the run's time is up
     * @param byTotal  whether the run's time, not the step's own limit, bounds it
     */
    record Limit(Duration duration, boolean byTotal, Duration total) {

        /** How a timeout within this limit reads: "within 5 s", or that the probe's time ran out. */
        String describe() {
            return byTotal ? "before the probe's " + Texts.duration(total) + " ran out"
                    : "within " + Texts.duration(duration);
        }
    }

    Limit limit(Duration step) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        return left.compareTo(step) < 0 ? new Limit(left, true, total) : new Limit(step, false, total);
    }

    boolean passed() {
        return System.nanoTime() >= end;
    }

    Duration total() {
        return total;
    }

    /** What is left of {@code limit} after what passed since {@code start} ({@link System#nanoTime()}). */
    static Duration left(Limit limit, long start) {
        Duration left = limit.duration().minus(since(start));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The time since {@code start}, a {@link System#nanoTime()}. */
    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The value of {@code future}, waiting at most {@code limit}.
     *
     * @throws TimeoutException   when it did not complete in time
     * @throws ExecutionException when it failed
     */
    static <T> T await(CompletableFuture<T> future, Limit limit)
            throws InterruptedException, TimeoutException, ExecutionException {
        return future.get(limit.duration().toNanos(), TimeUnit.NANOSECONDS);
    }
}
