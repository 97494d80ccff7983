package dev.parley.application;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import java.util.concurrent.CompletionStage;

/** The way out to remote XMPP domains: the S2S engine in the resource adapter. */
public interface FederationGateway {

    /**
     * Hands {@code stanza} to the engine and returns at once; the stage completes once the remote server has
     * confirmed it or it has failed, never exceptionally, and possibly on a thread of the engine's, where nothing may
     * block or call a bean. Never bounces by itself: the outcome says why a stanza could not go, and the caller decides
     * whether to try again or return it to its sender. While the engine cannot take stanzas (it is
     * off, failed to start, or the adapter has no connection) the outcome is
     * {@code remote-server-timeout} with the reason, which the caller may retry. When the engine gives no verdict in reasonable
     * time the outcome is {@code Written}: the engine keeps the stanza and, should it fail later,
     * returns the error to the sender through the inbound path; it must not be sent again.
     */
    CompletionStage<Delivery> submit(StanzaEnvelope stanza);
}
