package dev.parley.application;

import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.stanza.StanzaEnvelope;

/** Routes stanzas across the federation boundary, both ways, through the domain authorizations. */
public interface FederationRouting {

    /**
     * Sends a stanza from a local user or application to its remote domain. What cannot go now
     * but may later is queued again for another try; what cannot go at all, or not within the
     * retry window, returns to its sender as an XMPP error. Never drops a stanza.
     */
    void routeOutbound(StanzaEnvelope stanza, OutboundAttempt attempt);

    /**
     * Takes a stanza a remote server delivered (or an error reply for one a local user sent) to
     * the UC messaging module; one from a domain no longer authorized is dropped and audited, as
     * this server must not contact that domain even to say so.
     */
    void routeInbound(StanzaEnvelope stanza);
}
