package dev.parley.xmpp.s2s;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code db:result} requests of one inbound stream that wait for their authoritative servers. Each costs a DNS
 * lookup and a connection before the peer has proven anything, so one stream may have only {@link #MAX_PER_STREAM}
 * at a time, and a domain pair already waiting is not verified a second time. Used on the stream's event loop only.
 */
final class PendingVerifications {

    /** Enough for a server that piggy-backs a few domains at once; more would let one peer make us connect at will. */
    static final int MAX_PER_STREAM = 8;

    enum Admission { ADMITTED, ALREADY_PENDING, FULL }

    private record Pair(String receiving, String originating) {
    }

    private final Set<Pair> pending = new HashSet<>();

    /** Whether the pair (canonical names) may be verified now; when {@link Admission#ADMITTED} it counts until {@link #finished}. */
    Admission admit(String receiving, String originating) {
        Pair pair = new Pair(receiving, originating);
        if (pending.contains(pair)) {
            return Admission.ALREADY_PENDING;
        }
        if (pending.size() >= MAX_PER_STREAM) {
            return Admission.FULL;
        }
        pending.add(pair);
        return Admission.ADMITTED;
    }

    void finished(String receiving, String originating) {
        pending.remove(new Pair(receiving, originating));
    }
}
