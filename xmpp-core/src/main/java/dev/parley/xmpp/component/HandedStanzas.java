package dev.parley.xmpp.component;

import java.util.TreeSet;

/**
 * A Parley XMPP Proxy's numbered stanzas that this component handed to its listener, and which of those the listener
 * has taken (stored them, or answered their senders). The acknowledgement to the proxy says "taken, every one up to
 * N": it may not run ahead of a stanza still on its way to storage, or the proxy would count on it, answer the remote
 * server's receipt ping, and a crash here would lose it. A stanza the proxy writes again after a cut link is known by
 * its number and not handed twice; a proxy that restarted (another instance) numbers afresh.
 *
 * <p>Thread-safe: stanzas are handed on the link's thread and taken on any.
 */
final class HandedStanzas {

    private String instance = "";
    /** The highest number handed from {@link #instance}; every lower one was handed too, or never sent. */
    private long highestHanded;
    /** Numbers handed from {@link #instance} and not yet taken; as many as the proxy lets wait for us. */
    private final TreeSet<Long> untaken = new TreeSet<>();

    /** Whether stanza {@code number} of {@code hostInstance} is new: then it is handed now, and not taken yet. */
    synchronized boolean hand(String hostInstance, long number) {
        if (!hostInstance.equals(instance)) {
            instance = hostInstance;
            highestHanded = 0;
            untaken.clear();
        }
        if (number <= highestHanded) {
            return false;
        }
        highestHanded = number;
        untaken.add(number);
        return true;
    }

    /** Handing stanza {@code number}, the last one handed, failed: the proxy writes it again on the next link. */
    synchronized void withdraw(String hostInstance, long number) {
        if (hostInstance.equals(instance) && untaken.remove(number)) {
            highestHanded = number - 1;
        }
    }

    /** The listener took stanza {@code number} of {@code hostInstance}; one of an earlier instance is nobody's now. */
    synchronized void taken(String hostInstance, long number) {
        if (hostInstance.equals(instance)) {
            untaken.remove(number);
        }
    }

    /** The acknowledgement {@code hostInstance} may have: every stanza up to this number is taken. */
    synchronized long takenUpTo(String hostInstance) {
        if (!hostInstance.equals(instance)) {
            return 0;
        }
        return untaken.isEmpty() ? highestHanded : untaken.first() - 1;
    }
}
