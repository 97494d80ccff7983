package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.CompletionStage;

/**
 * Sends the engine's answer to a ping to a remote domain over the outbound session, since a server-to-server stream
 * carries stanzas one way only (RFC 6120 §4.2).
 */
@FunctionalInterface
interface StanzaSender {

    /** Returns a stage that completes once the answer is written, or dropped ({@link Outgoing#pingAnswer}). */
    CompletionStage<Delivery> answer(String localDomain, String remoteDomain, XmlElement answer);
}
