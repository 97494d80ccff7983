package dev.parley.infrastructure.messaging.jms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the outbound stanzas taken off the queue and not yet acknowledged, in all and per remote domain, so that the
 * consumer stops taking more at a bound, and one slow domain can fill only its own share of that bound; and tells a
 * domain whose share is merely busy from one that stopped answering. Used on the consumer's thread only.
 */
final class StanzasInFlight {

    private final int total;
    private final int perDomain;
    private final int waitingPerBusyDomain;
    private final Map<String, Share> byDomain = new HashMap<>();
    /** Domains found {@link #silent}, until their server confirms a stanza again. */
    private final Set<String> silent = new HashSet<>();
    private int taken;

    /**
     * How long a domain's stanzas with the engine may go without a verdict before its server counts as silent, once one
     * of them had its verdict.
     */
    static final Duration SILENT_AFTER = Duration.ofSeconds(5);
    /**
     * The same before the first verdict since the share opened: a new session's set-up (DNS, connect, TLS, dialback)
     * took 4 s on a server that had just started, and the engine has its own timeouts for each step.
     */
    static final Duration FIRST_VERDICT_WITHIN = Duration.ofSeconds(15);
    /**
     * How long a domain whose share has had no verdict yet still counts as answering, so that the consumer holds a
     * stanza for it rather than send it round the queue: long enough for the first verdict from a session that is up,
     * short enough that a domain whose server never answers stops the consumer — every other domain's stanzas — for
     * this long rather than {@link #FIRST_VERDICT_WITHIN}, before what waits for it beyond its share goes back to the
     * queue.
     */
    static final Duration UNCONFIRMED_HELD_AT_MOST = Duration.ofSeconds(2);

    /**
     * A domain's stanzas with the engine, when one last entered an empty share or left it, and whether one left since
     * the share opened. Changed in place: it changes with every stanza on the consumer's busiest path.
     */
    private static final class Share {
        private int stanzas = 1;
        private Instant moved;
        private boolean verdicts;

        private Share(Instant opened) {
            moved = opened;
        }
    }

    /**
     * @param total                how many stanzas may be in flight at once
     * @param perDomain            how many of them one remote domain may have with the engine, and have waiting for
     *                             those while its server is silent
     * @param waitingPerBusyDomain how many may wait for a domain's share while its server answers
     */
    StanzasInFlight(int total, int perDomain, int waitingPerBusyDomain) {
        this.total = total;
        this.perDomain = perDomain;
        this.waitingPerBusyDomain = waitingPerBusyDomain;
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

    /**
     * Counts a stanza handed to the engine for {@code domain} at {@code now}; false, counting nothing, when the domain's
     * share is full.
     */
    boolean enterDomain(String domain, Instant now) {
        Share share = byDomain.get(domain);
        if (share == null) {
            byDomain.put(domain, new Share(now));
            return true;
        }
        if (share.stanzas >= perDomain) {
            return false;
        }
        share.stanzas++;
        return true;
    }

    /** Counts a verdict for {@code domain} settled at {@code now}. */
    void leaveDomain(String domain, Instant now) {
        Share share = byDomain.get(domain);
        if (share == null) {
            return;
        }
        if (share.stanzas == 1) {
            byDomain.remove(domain);
        } else {
            share.stanzas--;
            share.moved = now;
            share.verdicts = true;
        }
    }

    /**
     * Whether {@code domain}'s server is silent rather than busy: its stanzas with the engine got no verdict for
     * {@link #SILENT_AFTER} until {@code now} ({@link #FIRST_VERDICT_WITHIN} while none had one yet), or did so before
     * and none was confirmed since.
     */
    boolean silent(String domain, Instant now) {
        if (silent.contains(domain)) {
            return true;
        }
        Share share = byDomain.get(domain);
        if (share != null && share.moved.plus(share.verdicts ? SILENT_AFTER : FIRST_VERDICT_WITHIN).isBefore(now)) {
            silent.add(domain);
            return true;
        }
        return false;
    }

    /**
     * Whether {@code domain}'s server may be taken to answer at {@code now}: not {@link #silent}, and its share had a
     * verdict or opened at most {@link #UNCONFIRMED_HELD_AT_MOST} before.
     */
    boolean answering(String domain, Instant now) {
        if (silent(domain, now)) {
            return false;
        }
        Share share = byDomain.get(domain);
        return share == null || share.verdicts || !share.moved.plus(UNCONFIRMED_HELD_AT_MOST).isBefore(now);
    }

    /** The remote server of {@code domain} confirmed a stanza: it is not silent (any more). */
    void answered(String domain) {
        silent.remove(domain);
    }

    int perDomain() {
        return perDomain;
    }

    int waitingPerBusyDomain() {
        return waitingPerBusyDomain;
    }
}
