package dev.parley.application;

import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Routes stanzas across the federation boundary, both ways, through the domain authorizations. */
public interface FederationRouting {

    /**
     * Hands a stanza from a local user or application to its remote domain without waiting for the network. Never
     * drops a stanza: what may not go at all (federation off, the domain not authorized) returns to its sender as an
     * XMPP error at once, and the result is empty; otherwise the stage completes with the engine's verdict, for
     * {@link #settleOutbound}. It may complete on a thread of the engine's, where nothing may block or call a bean.
     */
    Optional<CompletionStage<Delivery>> routeOutbound(StanzaEnvelope stanza);

    /**
     * Acts on the engine's verdict on {@code stanza}, sent for its {@code attempt}: what went is counted; what cannot go
     * at all, or not within the retry window, returns to its sender as an XMPP error; what cannot go now but may later
     * is counted as retried, and the result says after how long the caller is to queue it again for its next attempt
     * (the caller queues it, as it keeps each sender's stanzas in order).
     */
    Optional<Duration> settleOutbound(StanzaEnvelope stanza, OutboundAttempt attempt, Delivery delivery);

    /**
     * Counts {@code stanzas} the engine delivered (acknowledged, or written where no receipt can come), whose verdicts
     * need nothing else: a busy consumer settles them so in one call rather than one call each.
     */
    void countDelivered(int stanzas);

    /**
     * Takes a stanza a remote server delivered (or an error reply for one a local user sent) to
     * the UC messaging module; one from a domain no longer authorized is dropped and audited, as
     * this server must not contact that domain even to say so.
     */
    void routeInbound(StanzaEnvelope stanza);
}
