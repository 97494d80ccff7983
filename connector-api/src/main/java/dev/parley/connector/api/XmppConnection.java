package dev.parley.connector.api;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.util.Optional;

/** A handle on the S2S engine for sending; close it after use (try-with-resources). */
public interface XmppConnection extends AutoCloseable {

    /**
     * Queues {@code stanza} for its remote domain, in order with the stanzas sent before it, and
     * waits up to {@code patience} for its fate: {@link Delivery.Acknowledged} once the remote server confirmed it
     * ({@link Delivery.Written} when it was written and no receipt will come), or
     * {@link Delivery.Bounced} saying why it could not be sent; for a verdict
     * the engine itself returns nothing to the sender, that is the caller's decision.
     *
     * @return the verdict, or empty when none came within {@code patience} (a remote server that
     *         stopped reading, say): the engine then keeps the stanza, and should it fail later its
     *         error reply reaches the sender like any inbound stanza, through the MDB. The caller
     *         must treat empty as accepted, never send the stanza again
     * @throws FederationUnavailableException when federation is switched off or its listener failed
     * @throws IllegalArgumentException       when {@code stanza} is no stanza from a local to a remote JID
     * @throws InterruptedException           when the caller is interrupted while waiting; the stanza
     *                                        is then the engine's as if empty had been returned
     */
    Optional<Delivery> send(XmlElement stanza, Duration patience) throws FederationUnavailableException,
            InterruptedException;

    @Override
    void close();
}
