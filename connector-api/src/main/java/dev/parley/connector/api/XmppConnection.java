package dev.parley.connector.api;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.xml.XmlElement;
import java.util.concurrent.CompletionStage;

/** A handle on the S2S engine for sending; close it after use (try-with-resources). */
public interface XmppConnection extends AutoCloseable {

    /**
     * Queues {@code stanza} for its remote domain, in order with the stanzas submitted before it.
     * The stage completes with {@link Delivery.Written} once the stanza is on the remote server's
     * socket, or with {@link Delivery.Bounced} saying why it could not be sent; either way the
     * engine itself returns nothing to the sender: that is the caller's decision.
     *
     * @throws FederationUnavailableException when federation is switched off or its listener failed
     * @throws IllegalArgumentException       when {@code stanza} is no stanza from a local to a remote JID
     */
    CompletionStage<Delivery> submit(XmlElement stanza) throws FederationUnavailableException;

    @Override
    void close();
}
