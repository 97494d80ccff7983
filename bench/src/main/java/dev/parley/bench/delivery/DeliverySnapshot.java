package dev.parley.bench.delivery;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What arrived in one run, as a {@link DeliveryRecorder} saw it; travels as one text line from a target in another
 * JVM.
 *
 * @param delivered    distinct stanzas that arrived
 * @param duplicates   stanzas that arrived a second time
 * @param outOfOrder   stanzas that did not follow the one before them
 * @param firstArrival {@code System.nanoTime()} of the first arrival, 0 when none arrived
 * @param lastArrival  {@code System.nanoTime()} of the last arrival
 * @param latencies    stamp-to-arrival latencies in microseconds
 */
public record DeliverySnapshot(long delivered, long duplicates, long outOfOrder, long firstArrival, long lastArrival,
                               Histogram latencies) {

    /** Every stanza exactly once and none overtaking another. */
    public boolean exactlyOnceInOrder(long sent) {
        return delivered == sent && duplicates == 0 && outOfOrder == 0;
    }

    /** One line of text without spaces inside the fields. */
    public String toLine() {
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        String histogram = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
        return delivered + " " + duplicates + " " + outOfOrder + " " + firstArrival + " " + lastArrival + " " + histogram;
    }

    public static DeliverySnapshot fromLine(String line) {
        String[] fields = line.trim().split(" ");
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(fields[5])), 0);
            return new DeliverySnapshot(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), Long.parseLong(fields[4]), histogram);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not a delivery snapshot: " + line, e);
        }
    }
}
