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
}
