package dev.parley.bench.load;

/**
 * What one run sent.
 *
 * @param sent       stanzas written and flushed
 * @param startNanos {@code System.nanoTime()} before the first write
 * @param endNanos   {@code System.nanoTime()} after the last flush returned
 */
public record SendResult(long sent, long startNanos, long endNanos) {

    /** Stanzas per second the target took off the socket (blocking writes being the back-pressure). */
    public double acceptedPerSecond() {
        return sent * 1e9 / Math.max(1, endNanos - startNanos);
    }
}
