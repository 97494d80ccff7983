package dev.parley.it;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Waits for what another server does in its own time: a value read again until it is the one expected. */
final class Eventually {

    private Eventually() {
    }

    /** Reads {@code actual} until it equals {@code expected}; fails after {@code timeout} with the last value read. */
    static <T> void equals(String what, Supplier<T> actual, T expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = actual.get();
        while (!Objects.equals(last, expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": expected " + expected + " within " + timeout.toSeconds()
                        + " s, but it is " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            last = actual.get();
        }
    }
}
