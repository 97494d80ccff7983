package dev.parley.xmpp.s2s;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what the engine does on its own time. */
final class Sessions {

    private Sessions() {
    }

    /** Returns once {@code condition} holds, polling; fails the test after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + limit.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }
}
