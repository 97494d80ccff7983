package dev.parley.xmpp.s2s;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent connection failures, oldest first; older ones fall off and texts are bounded ({@link AuditTexts}:
 * a reason may carry a peer's stream error text), so memory stays bounded.
 */
final class FailureLog {

    private final int capacity;
    private final Clock clock;
    private final Deque<ConnectionFailure> failures = new ArrayDeque<>();

    FailureLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized void record(String domain, String reason) {
        if (failures.size() == capacity) {
            failures.removeFirst();
        }
        failures.addLast(new ConnectionFailure(AuditTexts.domain(domain), clock.instant(),
                AuditTexts.cut(reason, AuditTexts.DETAIL)));
    }

    synchronized List<ConnectionFailure> recent() {
        return List.copyOf(failures);
    }
}
