package dev.parley.bench.delivery;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Counts the stanzas of one run as they arrive: each exactly once, in order, and its latency from its stamp to its
 * arrival. Fed by one thread (an engine I/O thread or a client reader) and read by the benchmark's, hence the lock.
 */
public final class DeliveryRecorder {

    /** Latencies up to a minute, to three significant digits, in microseconds. */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
    private final BitSet seen = new BitSet();
    private long delivered;
    private long duplicates;
    private long outOfOrder;
    private long nextExpected;
    private long firstArrival;
    private long lastArrival;

    /** Forgets everything: a new run starts at sequence 0. */
    public synchronized void reset() {
        latencies.reset();
        seen.clear();
        delivered = 0;
        duplicates = 0;
        outOfOrder = 0;
        nextExpected = 0;
        firstArrival = 0;
        lastArrival = 0;
    }

    /** One stanza arrived now. */
    public void arrived(BodyStamp stamp) {
        long now = System.nanoTime();
        synchronized (this) {
            int sequence = Math.toIntExact(stamp.sequence());
            if (seen.get(sequence)) {
                duplicates++;
                return;
            }
            seen.set(sequence);
            if (sequence != nextExpected) {
                outOfOrder++;
            }
            nextExpected = sequence + 1L;
            if (delivered++ == 0) {
                firstArrival = now;
            }
            lastArrival = now;
            latencies.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, (now - stamp.sentNanos()) / 1000)));
        }
    }

    /** How many distinct stanzas arrived so far. */
    public synchronized long delivered() {
        return delivered;
    }

    /** What arrived so far, as a copy. */
    public synchronized DeliverySnapshot snapshot() {
        return new DeliverySnapshot(delivered, duplicates, outOfOrder, firstArrival, lastArrival, latencies.copy());
    }
}
