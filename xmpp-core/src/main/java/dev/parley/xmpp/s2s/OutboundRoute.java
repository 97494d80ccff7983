package dev.parley.xmpp.s2s;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * One local domain's right to send to the remote domain of an {@link OutboundLink}, and the
 * stanzas waiting, in order, until dialback grants it. Guarded by the link's lock.
 */
final class OutboundRoute {

    enum State {
        /** Waiting for the stream, or for the answer to our {@code db:result}. */
        PENDING,
        /** Dialback said valid: stanzas go straight out. */
        ESTABLISHED
    }

    private final String localDomain;
    private final int bound;
    private final Queue<Outgoing> waiting = new ArrayDeque<>();
    private State state = State.PENDING;
    private boolean requested;

    OutboundRoute(String localDomain, int bound) {
        this.localDomain = localDomain;
        this.bound = bound;
    }

    String localDomain() {
        return localDomain;
    }

    State state() {
        return state;
    }

    /** Whether our {@code db:result} for this route is out, so it is not sent twice. */
    boolean requested() {
        return requested;
    }

    void markRequested() {
        requested = true;
    }

    /** Whether stanzas wait here. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Queues {@code outgoing}; false when the queue is full. */
    boolean offer(Outgoing outgoing) {
        if (waiting.size() >= bound && !outgoing.pingAnswer()) {
            return false;
        }
        waiting.add(outgoing);
        return true;
    }

    /**
     * Queues a stanza that a stream which ended before confirming it hands on, whatever the bound: it was accepted
     * once, and bouncing it now for want of room would punish its sender for the remote server's failure.
     */
    void takeBack(Outgoing outgoing) {
        waiting.add(outgoing);
    }

    /** Marks the route established and hands back what waited, oldest first. */
    List<Outgoing> establish() {
        state = State.ESTABLISHED;
        return drain();
    }

    /** Everything that waited, oldest first; the queue is empty afterwards. */
    List<Outgoing> drain() {
        List<Outgoing> drained = List.copyOf(waiting);
        waiting.clear();
        return drained;
    }
}
