package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stanza on its way to a remote domain, and who learns its fate: without a {@code fate} (stanzas from
 * {@link S2sEngine#send}) only a bounce is told, to the sender through the {@link StanzaListener}; with one (from
 * {@link S2sEngine#submit}) the outcome completes it, written or bounced, and the listener hears nothing. Queues,
 * order and bounds are the same for all, since all travel as this one value.
 *
 * @param carrier learns, once the stanza is written, how the session that wrote it authenticated the sending domain
 *                (a {@link RequestedPing} reports it); empty for every other stanza
 */
record Outgoing(XmlElement stanza, Optional<CompletableFuture<Delivery>> fate,
                Optional<CompletableFuture<AuthMethod>> carrier) {

    private static final Delivery WRITTEN = new Delivery.Written();

    /** A stanza whose bounce, if any, goes to the sender. */
    static Outgoing of(XmlElement stanza) {
        return new Outgoing(stanza, Optional.empty(), Optional.empty());
    }

    /** A stanza whose outcome completes {@code fate}. */
    static Outgoing tracked(XmlElement stanza, CompletableFuture<Delivery> fate) {
        return new Outgoing(stanza, Optional.of(fate), Optional.empty());
    }

    /** A stanza whose outcome completes {@code fate}, and whose writing session's authentication {@code carrier}. */
    static Outgoing carried(XmlElement stanza, CompletableFuture<Delivery> fate,
                            CompletableFuture<AuthMethod> carrier) {
        return new Outgoing(stanza, Optional.of(fate), Optional.of(carrier));
    }

    /** The stanza reached the remote server's socket. */
    void written() {
        fate.ifPresent(waiting -> waiting.complete(WRITTEN));
    }
}
