package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

/**
 * Sends a stanza of the engine's own (an answer to a ping) to a remote domain over the outbound
 * session, since a server-to-server stream carries stanzas one way only (RFC 6120 §4.2).
 */
@FunctionalInterface
interface StanzaSender {

    void send(String localDomain, String remoteDomain, XmlElement stanza);
}
