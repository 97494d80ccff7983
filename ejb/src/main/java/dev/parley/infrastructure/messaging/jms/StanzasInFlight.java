package dev.parley.infrastructure.messaging.jms;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the outbound stanzas taken off the queue and not yet acknowledged, in all and per remote domain, so that the
 * consumer stops taking more at a bound, and one slow domain can fill only its own share of that bound. Used on the
 * consumer's thread only.
 */
final class StanzasInFlight {

    private final int total;
    private final int perDomain;
    private final Map<String, Integer> byDomain = new HashMap<>();
    private int taken;

    StanzasInFlight(int total, int perDomain) {
        this.total = total;
        this.perDomain = perDomain;
    }

    boolean full() {
        return taken >= total;
    }

    /** Counts a message taken off the queue. */
    void take() {
        taken++;
    }

    /** Counts a message acknowledged. */
    void release() {
        taken--;
    }

    /** Counts a stanza handed to the engine for {@code domain}; false, counting nothing, when the domain's share is full. */
    boolean enterDomain(String domain) {
        int waiting = byDomain.getOrDefault(domain, 0);
        if (waiting >= perDomain) {
            return false;
        }
        byDomain.put(domain, waiting + 1);
        return true;
    }

    /** Counts a verdict for {@code domain} settled. */
    void leaveDomain(String domain) {
        byDomain.computeIfPresent(domain, (name, waiting) -> waiting == 1 ? null : waiting - 1);
    }

    int perDomain() {
        return perDomain;
    }
}
