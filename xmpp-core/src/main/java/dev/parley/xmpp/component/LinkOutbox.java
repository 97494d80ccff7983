package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.Delivery;
import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The stanzas one end of the link has taken to send, in order, until the other end has them: numbered once, they keep
 * their number across links, so a stanza written on a link that ended unacknowledged is written again on the next
 * one, and the other end knows it by its number. A stanza waits for a link at most as long as it was given; a full
 * outbox takes nothing more, so a link that stays down costs bounded memory. Thread-safe.
 */
final class LinkOutbox {

    /** One stanza taken: its number, its text, until when it may wait for a link, and whom to tell of its fate. */
    static final class Entry {
        final long number;
        final String xml;
        final Instant waitsUntil;
        final Consumer<Delivery> fate;
        /** The link it was last written on; 0 while it waits for one. */
        long writtenOn;

        private Entry(long number, String xml, Instant waitsUntil, Consumer<Delivery> fate) {
            this.number = number;
            this.xml = xml;
            this.waitsUntil = waitsUntil;
            this.fate = fate;
        }
    }

    private final int maxStanzas;
    private final long maxChars;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long lastNumber;
    private long chars;

    LinkOutbox(int maxStanzas, long maxChars) {
        this.maxStanzas = maxStanzas;
        this.maxChars = maxChars;
    }

    /**
     * Takes {@code xml}, to wait for a link until {@code now + maxWait}; empty when it is full (the caller still has
     * the stanza), with the reason.
     */
    synchronized Optional<Entry> add(String xml, Instant now, Duration maxWait, Consumer<Delivery> fate) {
        if (entries.size() >= maxStanzas || chars + xml.length() > maxChars) {
            return Optional.empty();
        }
        Entry entry = new Entry(++lastNumber, xml, now.plus(maxWait), fate);
        entries.put(entry.number, entry);
        chars += xml.length();
        return Optional.of(entry);
    }

    /** Why {@link #add} refused: for the error the sender gets. */
    String fullReason() {
        return "holds " + maxStanzas + " stanzas or " + maxChars / (1024 * 1024) + " MiB not yet acknowledged";
    }

    /**
     * The stanzas not yet written on link {@code link}, oldest first, marked as written on it: the caller writes them
     * in this order.
     */
    synchronized List<Entry> toWrite(long link) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.writtenOn != link) {
                entry.writtenOn = link;
                due.add(entry);
            }
        }
        return due;
    }

    /**
     * Removes stanza {@code number}, acknowledged by the other end, and tells its sender {@code fate}; false when it is
     * no longer here (acknowledged before, or given up).
     */
    boolean acknowledged(long number, Delivery fate) {
        Entry entry;
        synchronized (this) {
            entry = entries.remove(number);
            if (entry != null) {
                chars -= entry.xml.length();
            }
        }
        if (entry == null) {
            return false;
        }
        entry.fate.accept(fate);
        return true;
    }

    /** Removes every stanza up to {@code number}, which the other end has taken in order. */
    synchronized List<Entry> acknowledgedUpTo(long number) {
        List<Entry> done = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.number > number) {
                break;
            }
            it.remove();
            chars -= entry.xml.length();
            done.add(entry);
        }
        return done;
    }

    /**
     * Removes the stanzas that waited for a link past their time and were never written on one. One that was written
     * stays until the other end answers for it, on this link or the next: it may have gone on from there, and sending
     * it anew under another number could make it arrive twice.
     */
    synchronized List<Entry> expired(Instant now) {
        List<Entry> late = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.writtenOn == 0 && !now.isBefore(entry.waitsUntil)) {
                it.remove();
                chars -= entry.xml.length();
                late.add(entry);
            }
        }
        return late;
    }

    /** Removes everything, as when this end stops: the caller tells each one's fate. */
    synchronized List<Entry> drain() {
        List<Entry> all = new ArrayList<>(entries.values());
        entries.clear();
        chars = 0;
        return all;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Stanzas written on a link that the other end has not answered for yet. */
    synchronized int written() {
        return (int) entries.values().stream().filter(entry -> entry.writtenOn != 0).count();
    }

    /**
     * Writes, in order, what this outbox holds that link {@code link} has not carried yet: numbered to an end that
     * acknowledges them ({@link NumberedStanzas}), plain to another, for which being on the socket is all
     * ({@code written} hears of each then). On the link's event loop.
     */
    void writeTo(Channel channel, long link, boolean numbered, LongConsumer written) {
        for (Entry entry : toWrite(link)) {
            if (numbered) {
                channel.write(NumberedStanzas.wrap(entry.number, entry.xml));
            } else {
                channel.write(entry.xml).addListener(done -> {
                    if (done.isSuccess()) {
                        written.accept(entry.number);
                    }
                });
            }
        }
        channel.flush();
    }
}
