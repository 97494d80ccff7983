package dev.parley.bench.target;

import dev.parley.bench.delivery.DeliverySnapshot;
import java.net.InetSocketAddress;

/** A server under load: where its S2S port is, to whom the load goes, what arrived, and how much memory it holds. */
public interface Target extends AutoCloseable {

    /** How the results table names it, e.g. {@code Parley engine (own JVM)}. */
    String name();

    /** The XMPP domain it serves. */
    String domain();

    /** Its S2S listener. */
    InetSocketAddress s2sAddress();

    /** The full JID the load is addressed to. */
    String recipient();

    /** Forgets what arrived; the next run numbers its stanzas from 0. */
    void reset();

    /** How many distinct stanzas of the current run arrived. */
    long delivered();

    /** What arrived in the current run. */
    DeliverySnapshot snapshot();

    /** Its memory now; for a JVM after a full collection. */
    MemorySample memory();

    /** What the table should say about how it was measured, e.g. the client reader's CPU time; may be empty. */
    String note();

    @Override
    void close();
}
