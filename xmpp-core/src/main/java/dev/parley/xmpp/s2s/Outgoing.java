package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stanza on its way to a remote domain, and who learns its fate: without a {@code fate} (stanzas from
 * {@link S2sEngine#send}) only a bounce is told, to the sender through the {@link StanzaListener}; with one (from
 * {@link S2sEngine#submit}) the outcome completes it, written or bounced, and the listener hears nothing. Queues,
 * order and bounds are the same for both, since both travel as this one value.
 */
record Outgoing(XmlElement stanza, Optional<CompletableFuture<Delivery>> fate) {

    private static final Delivery WRITTEN = new Delivery.Written();

    /** A stanza whose bounce, if any, goes to the sender. */
    static Outgoing of(XmlElement stanza) {
        return new Outgoing(stanza, Optional.empty());
    }

    /** A stanza whose outcome completes {@code fate}. */
    static Outgoing tracked(XmlElement stanza, CompletableFuture<Delivery> fate) {
        return new Outgoing(stanza, Optional.of(fate));
    }

    /** The stanza reached the remote server's socket. */
    void written() {
        fate.ifPresent(waiting -> waiting.complete(WRITTEN));
    }
}
