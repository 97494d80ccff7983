package dev.parley.application;

import dev.parley.domain.model.stanza.StanzaEnvelope;

/** Takes stanzas that local users and enterprise applications send to remote domains. */
public interface FederationRouting {

    /** Sends the stanza on, or returns it to its sender as an XMPP error; never drops it. */
    void routeOutbound(StanzaEnvelope stanza);
}
