package dev.parley.connector.api;

import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A handle on the S2S engine for sending; close it after use (try-with-resources). */
public interface XmppConnection extends AutoCloseable {

    /**
     * Queues {@code stanza} for its remote domain, in order with the stanzas submitted before it, and returns at once;
     * the stage tells its fate: {@link Delivery.Acknowledged} once the remote server confirmed it
     * ({@link Delivery.Written} when it was written and no receipt will come), or {@link Delivery.Bounced} saying why
     * it could not be sent; for a verdict the engine itself returns nothing to the sender, that is the caller's
     * decision. The stage outlives this handle, and may complete on one of the engine's I/O threads: what follows it
     * must not block there.
     *
     * @return a stage with the verdict, or with empty when none came within {@code patience} (a remote server that
     *         stopped reading, say): the engine then keeps the stanza, and should it fail later its error reply
     *         reaches the sender like any inbound stanza, through the MDB. The caller must treat empty as accepted,
     *         never send the stanza again. It completes exceptionally when the engine failed on the stanza
     * @throws FederationUnavailableException when federation is switched off or its listener failed
     * @throws IllegalArgumentException       when {@code stanza} is no stanza from a local to a remote JID
     */
    CompletionStage<Optional<Delivery>> submit(XmlElement stanza, Duration patience)
            throws FederationUnavailableException;

    @Override
    void close();
}
