package dev.parley.it;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what another server does in its own time: a value read again until it is the one expected. */
final class Eventually {

    private Eventually() {
    }

    /** A read that may fail as the test's HTTP calls do. */
    @FunctionalInterface
    interface Read<T> {
        T get() throws Exception;
    }

    /** Reads {@code actual} until it equals {@code expected}; fails after {@code timeout} with the last value read. */
    static <T> void equals(String what, Supplier<T> actual, T expected, Duration timeout) throws Exception {
        value(what, actual::get, read -> Objects.equals(read, expected), timeout);
    }

    /** Reads {@code actual} until {@code wanted} accepts it and returns it; fails after {@code timeout} with the last. */
    static <T> T value(String what, Read<T> actual, Predicate<T> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = actual.get();
        while (!wanted.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s; the last read is " + last);
            }
            Thread.sleep(200);
            last = actual.get();
        }
        return last;
    }
}
