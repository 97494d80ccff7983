package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

/**
 * Where the engine hands stanzas for local users: those received from authenticated remote
 * servers, and the error replies (bounces) for stanzas it could not deliver. Called on the engine's
 * I/O threads, so it must hand work off instead of blocking; an exception it throws is logged and
 * the stream carries on.
 */
@FunctionalInterface
public interface StanzaListener {

    void onStanza(XmlElement stanza);

    /**
     * Hands over a stanza received from a remote server; {@code taken} is to be run, from any thread, once the host
     * is done with it: stored it where a crash does not lose it, or answered its sender with an error. Until then the
     * stanza counts against the stream's and the engine's backlog ({@link S2sEngine#MOST_UNTAKEN_STANZAS}): past it,
     * the engine stops reading from the peer, and it answers the peer's pings only once everything the peer sent
     * before them was taken. By default a stanza is taken as soon as {@link #onStanza(XmlElement)} returns.
     */
    default void onStanza(XmlElement stanza, Runnable taken) {
        onStanza(stanza);
        taken.run();
    }
}
