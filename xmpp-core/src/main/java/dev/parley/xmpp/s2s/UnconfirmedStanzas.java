package dev.parley.xmpp.s2s;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;

/**
 * What one outbound stream has written and the remote server has not yet confirmed, oldest first: delivery in
 * ping-acknowledged batches. Behind written stanzas the link writes a ping (XEP-0199) asking for a receipt; a server
 * processes a stream's stanzas in order, so the ping's answer, a result or an error alike, confirms every stanza
 * written before it. One such ping is out at a time; what is written meanwhile waits for the next, asked for when the
 * answer comes, so a busy stream costs one ping per round trip, not one per stanza. A stream that ends before its
 * receipt leaves its stanzas to be written again on the next one ({@link #takeAll}): at least once, never silently
 * lost.
 *
 * <p>Not thread-safe: its link's lock guards it.
 */
final class UnconfirmedStanzas {

    private record Numbered(long number, Outgoing stanza) {
    }

    private final ArrayDeque<Numbered> written = new ArrayDeque<>();
    private long numbered;
    /** The ping out asking for a receipt, or null when none is; the local domain it comes from; its deadline. */
    private String receiptPing;
    private String receiptFrom;
    private ScheduledFuture<?> deadline;
    /** The number of the last stanza that {@link #receiptPing} covers. */
    private long coveredUpTo;

    /**
     * {@code stanza} goes to the connection now, after every stanza before it; counted from here, so that a stream
     * that ends while a batch is on its way to the connection hands on the whole batch.
     */
    void written(Outgoing stanza) {
        written.add(new Numbered(++numbered, stanza));
    }

    /**
     * Forgets {@code stanza} (this very one), which could not be written after all; false when it is no longer here
     * (its stream ended meanwhile and handed it on or bounced it).
     */
    boolean forget(Outgoing stanza) {
        for (var newestFirst = written.descendingIterator(); newestFirst.hasNext(); ) {
            if (newestFirst.next().stanza() == stanza) {
                newestFirst.remove();
                return true;
            }
        }
        return false;
    }

    /** Forgets the stanzas {@code which} accepts and returns them, oldest first; the ping out covers the rest. */
    List<Outgoing> forgetAll(Predicate<Outgoing> which) {
        List<Outgoing> forgotten = new ArrayList<>();
        written.removeIf(numbered -> which.test(numbered.stanza()) && forgotten.add(numbered.stanza()));
        return forgotten;
    }

    /** Whether to ask for a receipt now: something written is unconfirmed and no ping for a receipt is out. */
    boolean wantsReceipt() {
        return receiptPing == null && !written.isEmpty();
    }

    /** The ping {@code pingId} from {@code localDomain}, covering everything written so far, goes out now. */
    void receiptAsked(String pingId, String localDomain) {
        receiptPing = pingId;
        receiptFrom = localDomain;
        coveredUpTo = numbered;
    }

    /**
     * The timer that takes the stream for dead when {@code pingId} goes unanswered: kept to be cancelled with the
     * answer, or cancelled at once when the answer came already (a timer per round trip would pile up on a busy stream).
     */
    void deadline(String pingId, ScheduledFuture<?> timer) {
        if (awaits(pingId)) {
            deadline = timer;
        } else {
            timer.cancel(false);
        }
    }

    /** The local domain the ping out comes from, if one is out. */
    Optional<String> receiptFrom() {
        return Optional.ofNullable(receiptFrom);
    }

    /** Nobody waits for the ping out any more, if one is: {@code pings} drops its answer, its timer stops. */
    void abandonReceipt(ServerPings pings) {
        if (receiptPing != null) {
            pings.abandon(receiptPing);
        }
        noPingOut();
    }

    private void noPingOut() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        receiptPing = null;
        receiptFrom = null;
        deadline = null;
    }

    /** Whether the ping {@code pingId} still waits for its answer. */
    boolean awaits(String pingId) {
        return pingId.equals(receiptPing);
    }

    /**
     * The answer to {@code pingId} came: the stanzas it covers, now confirmed and forgotten, oldest first; none when
     * that ping is no longer the one out (its stream ended meanwhile).
     */
    List<Outgoing> receipt(String pingId) {
        if (!awaits(pingId)) {
            return List.of();
        }
        noPingOut();
        List<Outgoing> confirmed = new ArrayList<>();
        while (!written.isEmpty() && written.peek().number() <= coveredUpTo) {
            confirmed.add(written.poll().stanza());
        }
        return confirmed;
    }

    int size() {
        return written.size();
    }

    boolean isEmpty() {
        return written.isEmpty();
    }

    /** The stream ended: everything unconfirmed, oldest first, forgotten here; no ping is out any more. */
    List<Outgoing> takeAll() {
        List<Outgoing> left = written.stream().map(Numbered::stanza).toList();
        written.clear();
        noPingOut();
        return left;
    }
}
