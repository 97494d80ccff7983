package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stanza on its way to a remote domain, and who learns its fate: without a {@code fate} (stanzas from
 * {@link S2sEngine#send}) only a bounce is told, to the sender through the {@link StanzaListener}; with one (from
 * {@link S2sEngine#submit}) the outcome completes it, acknowledged, written or bounced, and the listener hears nothing.
 * Queues, order and bounds are the same for all, since all travel as this one value.
 *
 * @param carrier       learns, once the stanza is written, how the session that wrote it authenticated the sending
 *                      domain (a {@link RequestedPing} reports it); empty for every other stanza
 * @param streams       how many streams it was handed to that ended before the remote server confirmed it; each hands
 *                      it on to the next ({@link OutboundLink})
 * @param pingAnswer    whether it is the engine's own answer to a remote server's ping ({@link #pingAnswer})
 */
record Outgoing(XmlElement stanza, Optional<CompletableFuture<Delivery>> fate,
                Optional<CompletableFuture<AuthMethod>> carrier, int streams, boolean pingAnswer) {

    private static final Delivery ACKNOWLEDGED = new Delivery.Acknowledged();
    private static final Delivery WRITTEN = new Delivery.Written();

    /** A stanza whose bounce, if any, goes to the sender. */
    static Outgoing of(XmlElement stanza) {
        return new Outgoing(stanza, Optional.empty(), Optional.empty(), 0, false);
    }

    /**
     * The engine's answer to a remote server's ping: no receipt is asked for it, and when it cannot be delivered its
     * sender is not answered. Its loss costs nothing (the pinger asks again or gives up), and a receipt for it would be
     * a ping the remote server, if it asks receipts as we do, would answer and ask a receipt for in turn, without end.
     * {@code gone} completes once it is written ({@link Delivery.Written}) or dropped ({@link Delivery.Bounced}): the
     * inbound stream the ping came on counts it until then, so that a peer pinging faster than we can answer is slowed
     * down instead of losing answers. It waits for the stream whatever the queue bound, which that count bounds.
     */
    static Outgoing pingAnswer(XmlElement answer, CompletableFuture<Delivery> gone) {
        return new Outgoing(answer, Optional.of(gone), Optional.empty(), 0, true);
    }

    /** A stanza whose outcome completes {@code fate}. */
    static Outgoing tracked(XmlElement stanza, CompletableFuture<Delivery> fate) {
        return new Outgoing(stanza, Optional.of(fate), Optional.empty(), 0, false);
    }

    /** A stanza whose outcome completes {@code fate}, and whose writing session's authentication {@code carrier}. */
    static Outgoing carried(XmlElement stanza, CompletableFuture<Delivery> fate,
                            CompletableFuture<AuthMethod> carrier) {
        return new Outgoing(stanza, Optional.of(fate), Optional.of(carrier), 0, false);
    }

    /** The same stanza, handed on to one more stream: the one it was given to ended before the receipt. */
    Outgoing onceMore() {
        return new Outgoing(stanza, fate, carrier, streams + 1, pingAnswer);
    }

    /** The local domain that sends it; the engine accepts only stanzas that name one. */
    String localDomain() {
        return Jid.parse(stanza.attribute("from").orElseThrow()).domainpart();
    }

    /** Whether the remote server must confirm it ({@link UnconfirmedStanzas}). */
    boolean wantsReceipt() {
        return !pingAnswer;
    }

    /** The remote server confirmed it. */
    void acknowledged() {
        fate.ifPresent(waiting -> waiting.complete(ACKNOWLEDGED));
    }

    /** It is on the connection, and asked for no receipt ({@link #pingAnswer}). */
    void writtenNeedingNoReceipt() {
        fate.ifPresent(waiting -> waiting.complete(WRITTEN));
    }

    /** It was written before our stream ended in order, and no receipt will come. */
    void writtenWithoutReceipt() {
        fate.ifPresent(waiting -> waiting.complete(WRITTEN));
    }
}
