package dev.parley.xmpp.s2s;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's stanzas from remote servers that the host has not taken yet, over all inbound streams. Past
 * {@link S2sEngine#MOST_UNTAKEN_STANZAS} every stream that hands over one more stops reading until the count is back
 * to half of it, so that many peers together cannot outrun the host either. While any stream waits so, every other
 * one stops at its next stanza too: otherwise the streams still reading would keep the count above half and the
 * waiting ones would never resume. The host sizes its own queues for that
 * many stanzas, and so never has to refuse one for want of room.
 */
final class InboundBacklogs {

    private final int most;
    private final int resumeAt;
    private final AtomicInteger untaken = new AtomicInteger();
    private final Set<InboundBacklog> waiting = ConcurrentHashMap.newKeySet();

    InboundBacklogs() {
        this(S2sEngine.MOST_UNTAKEN_STANZAS);
    }

    InboundBacklogs(int most) {
        this.most = most;
        this.resumeAt = most / 2;
    }

    /** Counts a stanza handed to the host; true when its stream must wait: too many untaken, or others wait. */
    boolean handed() {
        return untaken.incrementAndGet() > most || !waiting.isEmpty();
    }

    /** Counts a stanza the host took, and lets the waiting streams read again once there is room. */
    void taken() {
        if (untaken.decrementAndGet() <= resumeAt && !waiting.isEmpty()) {
            wakeAll();
        }
    }

    /** {@code stream} stops reading until {@link InboundBacklog#engineHasRoom()} is called on it. */
    void await(InboundBacklog stream) {
        waiting.add(stream);
        // the last stanza may have been taken between handed() and now: nobody else would wake the stream then
        if (untaken.get() <= resumeAt) {
            wakeAll();
        }
    }

    /** Forgets a stream that ended, so that a waking does not reach it. */
    void forget(InboundBacklog stream) {
        waiting.remove(stream);
    }

    int untaken() {
        return untaken.get();
    }

    private void wakeAll() {
        for (InboundBacklog stream : waiting) {
            if (waiting.remove(stream)) {
                stream.engineHasRoom();
            }
        }
    }
}
