package dev.parley.bench.deployed;

import java.util.BitSet;
import org.HdrHistogram.Histogram;

/**
 * Stanzas of one measured phase as they arrive: each counted once, with its latency from the stamp it carries, and
 * when the last arrived; sequences below the phase's first one are an earlier phase's stragglers. Thread-safe.
 */
final class Arrivals {

    private final long first;
    private final BitSet seen = new BitSet();
    private final Histogram micros = new Histogram(600_000_000L, 3);
    private long copies;
    private long lastNanos;

    /** {@code first}: the sequence number of the phase's first stanza. */
    Arrivals(long first) {
        this.first = first;
    }

    synchronized void arrived(long sequence, long stampNanos) {
        if (sequence < first) {
            return;
        }
        long now = System.nanoTime();
        int index = (int) (sequence - first);
        copies++;
        if (!seen.get(index)) {
            seen.set(index);
            micros.recordValue(Math.max(0, (now - stampNanos) / 1_000));
            lastNanos = now;
        }
    }

    synchronized int distinct() {
        return seen.cardinality();
    }

    synchronized long copies() {
        return copies;
    }

    synchronized long lastNanos() {
        return lastNanos;
    }

    synchronized double percentileMillis(double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Waits until {@code expected} arrived, or nothing new arrived for {@code quietMillis}; returns how many did. */
    int await(int expected, long quietMillis) throws InterruptedException {
        int before = -1;
        long quietSince = System.nanoTime();
        while (distinct() < expected) {
            int now = distinct();
            if (now != before) {
                before = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > quietMillis * 1_000_000) {
                break;
            }
            Thread.sleep(50);
        }
        return distinct();
    }
}
