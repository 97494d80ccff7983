package dev.parley.bench;

import dev.parley.bench.target.MemorySample;

/**
 * What {@code streams} idle authenticated streams cost a target.
 *
 * @param streams how many were open at {@code after}
 * @param before  the target's memory before they were opened
 * @param after   its memory with all of them open
 */
public record IdleMemory(int streams, MemorySample before, MemorySample after) {

    /** Bytes per stream of the target's primary figure (heap after GC for a JVM, RSS otherwise). */
    public long bytesPerStream() {
        return (after.primaryBytes() - before.primaryBytes()) / streams;
    }

    /** Bytes per stream of RSS, for comparing a JVM with the peers on the same figure. */
    public long rssPerStream() {
        return (after.rssBytes() - before.rssBytes()) / streams;
    }
}
