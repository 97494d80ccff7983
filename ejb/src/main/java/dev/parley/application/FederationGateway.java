package dev.parley.application;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;

/** The way out to remote XMPP domains: the S2S engine in the resource adapter. */
public interface FederationGateway {

    /**
     * Sends {@code stanza} and waits until the remote server has confirmed it or it has failed.
     * Never bounces by itself: the outcome says why a stanza could not go, and the caller decides
     * whether to try again or return it to its sender. While the engine cannot take stanzas (it is
     * off, failed to start, or the adapter has no connection) the outcome is
     * {@code remote-server-timeout} with the reason, which the caller may retry. When the engine gives no verdict in reasonable
     * time the outcome is {@code Written}: the engine keeps the stanza and, should it fail later,
     * returns the error to the sender through the inbound path; it must not be sent again.
     */
    Delivery send(StanzaEnvelope stanza);
}
