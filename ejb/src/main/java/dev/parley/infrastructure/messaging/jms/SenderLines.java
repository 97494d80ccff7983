package dev.parley.infrastructure.messaging.jms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps one sender's stanzas to one remote domain in order across the outbound consumer's requeues. The consumer
 * numbers every stanza it takes, in queue order: its place, kept however often it goes back to the queue. Once one
 * goes back (a retry, or more than the domain's share waiting), it opens the pair's line, and only the line's first
 * place may go on to the engine: the sender's later stanzas to that domain join the line instead, waiting for the
 * first in the consumer when it is due soon ({@link OutboundPump}), or going back once more, due after the first and
 * right after the line's place before it (and not before {@link #PAUSE} has passed), so that the queue hands the line
 * out in place order however often its places went round. The line closes when its last place went on.
 *
 * <p>A line whose first place was due long ago and never came again (purged from the queue by hand, say) loses that
 * place rather than holding the sender back for good. Used on the consumer's thread only; a new consumer starts with
 * no lines, as what the old one requeued is then taken as new.
 */
final class SenderLines {

    /** How long after it was due a first place that did not come again is given up. */
    static final Duration GIVEN_UP_AFTER = Duration.ofMinutes(5);
    /** The least wait of a place that came again before the first, so that waiting for a late first costs little. */
    static final Duration PAUSE = Duration.ofMillis(100);
    /**
     * The same while the first place is overdue by more than {@link #PAUSE}. The broker puts a delayed message that fell
     * due at the head of the queue, ahead of those waiting there: places going round every {@link #PAUSE} would keep a
     * first that waits behind them from ever being taken (a line of 3,000 stalled so).
     */
    static final Duration FIRST_OVERDUE_PAUSE = Duration.ofSeconds(1);

    /** One sender, by bare address, and one remote domain. */
    record Pair(String sender, String remoteDomain) {
    }

    private static final class Line {
        /** The places out on the queue, first first, with when each is due. */
        private final TreeMap<Long, Instant> out = new TreeMap<>();
    }

    private final Map<Pair, Line> lines = new HashMap<>();

    /** Whether stanzas of {@code pair} are out on the queue: a later one joins them. */
    boolean open(Pair pair, Instant now) {
        Line line = lines.get(pair);
        if (line == null) {
            return false;
        }
        var first = line.out.firstEntry();
        if (first.getValue().plus(GIVEN_UP_AFTER).isBefore(now)) {
            forget(pair, line, first.getKey());
            return open(pair, now);
        }
        return true;
    }

    /**
     * Whether {@code pair}'s line has a first place due within {@code margin} of {@code now}, either way: soon, or late
     * by no more than a busy broker makes a message that is due.
     */
    boolean firstDueAround(Pair pair, Instant now, Duration margin) {
        Line line = lines.get(pair);
        if (line == null) {
            return false;
        }
        Instant due = line.out.firstEntry().getValue();
        return due.isBefore(now.plus(margin)) && due.isAfter(now.minus(margin));
    }

    /** Whether any line is open: while none is, no stanza need be checked against its line. */
    boolean anyOpen() {
        return !lines.isEmpty();
    }

    /** Whether no earlier place of {@code pair} is out on the queue: {@code place} may go on to the engine. */
    boolean first(Pair pair, long place) {
        Line line = lines.get(pair);
        return line == null || line.out.isEmpty() || line.out.firstKey() >= place;
    }

    /**
     * When {@code place} of {@code pair}, which may go again at {@code earliest}, is due: then for the first place;
     * any other after the first and right after the place before it in the line, and not before {@link #PAUSE} (or
     * {@link #FIRST_OVERDUE_PAUSE}) from {@code earliest}. Not behind the line's last: a place that went round again (it came before the first, or was
     * parked while the first was late) would then come after places behind it in the line, which would have to go
     * round again in turn, and a long line would trickle out a few places a round.
     */
    Instant due(Pair pair, long place, Instant earliest) {
        Line line = lines.get(pair);
        if (line == null || first(pair, place)) {
            return earliest;
        }
        Instant firstDue = line.out.firstEntry().getValue();
        Instant before = line.out.lowerEntry(place).getValue();
        Instant behind = (before.isAfter(firstDue) ? before : firstDue).plusMillis(1);
        Instant paused = earliest.plus(firstDue.plus(PAUSE).isBefore(earliest) ? FIRST_OVERDUE_PAUSE : PAUSE);
        return behind.isAfter(paused) ? behind : paused;
    }

    /** {@code place} of {@code pair} went back to the queue, due at {@code due} (as {@link #due} said). */
    void wentBack(Pair pair, long place, Instant due) {
        lines.computeIfAbsent(pair, opened -> new Line()).out.put(place, due);
    }

    /** {@code place} of {@code pair} came again and went on; the line closes with its last place. */
    void wentOn(Pair pair, long place) {
        Line line = lines.get(pair);
        if (line != null) {
            forget(pair, line, place);
        }
    }

    private void forget(Pair pair, Line line, long place) {
        line.out.remove(place);
        if (line.out.isEmpty()) {
            lines.remove(pair);
        }
    }
}
