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
     * Whether the listener can take more now. While it cannot, the engine reads nothing more from a remote server that
     * just delivered to it, so that TCP slows that server down instead of its stanzas being refused, and asks again
     * every few milliseconds. What was read already still arrives: a listener that says it has no room must take a
     * little more.
     */
    default boolean hasRoom() {
        return true;
    }
}
