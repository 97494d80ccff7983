package dev.parley.bench.target;

/**
 * A target's memory at one moment.
 *
 * @param heapBytes Java heap in use after a full collection, or -1 for a server that is not a JVM
 * @param rssBytes  resident set size of its processes ({@code VmRSS} in {@code /proc/PID/status})
 */
public record MemorySample(long heapBytes, long rssBytes) {

    /** The figure a stream's cost is read from: the heap where there is one (RSS of a JVM moves in big steps). */
    public long primaryBytes() {
        return heapBytes >= 0 ? heapBytes : rssBytes;
    }

    /** Which figure {@link #primaryBytes()} is. */
    public String primaryKind() {
        return heapBytes >= 0 ? "heap after GC" : "RSS";
    }

    @Override
    public String toString() {
        return primaryKind() + " " + primaryBytes();
    }
}
