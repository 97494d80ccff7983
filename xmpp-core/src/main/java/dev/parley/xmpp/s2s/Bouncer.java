package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

import java.lang.System.Logger.Level;

/**
 * Returns undeliverable stanzas to their local senders as error replies, handed to the host's
 * {@link StanzaListener} as if they had arrived from the remote domain. Error stanzas are logged
 * instead: answering an error with an error could loop between servers (RFC 6120 §8.3.1), and so are the engine's
 * own answers to pings, whose senders are not answered either ({@link Outgoing#pingAnswer}). A stanza
 * whose sender waits for its {@link Outgoing#fate() fate} learns it there instead, error stanzas too.
 */
final class Bouncer {

    private static final System.Logger LOG = System.getLogger(Bouncer.class.getName());

    private final StanzaListener listener;

    Bouncer(StanzaListener listener) {
        this.listener = listener;
    }

    void bounce(Outgoing outgoing, StanzaErrorCondition condition, String reason) {
        if (outgoing.pingAnswer()) {
            LOG.log(Level.DEBUG, "dropping our answer to a ping from {0} ({1}): {2}",
                    outgoing.stanza().attribute("to").orElse("-"), condition.elementName(), reason);
            outgoing.fate().ifPresent(gone -> gone.complete(new Delivery.Bounced(condition, reason)));
            return;
        }
        if (outgoing.fate().isPresent()) {
            outgoing.fate().get().complete(new Delivery.Bounced(condition, reason));
            return;
        }
        XmlElement stanza = outgoing.stanza();
        var reply = Bounces.reply(stanza, StanzaError.of(condition, reason));
        if (reply.isEmpty()) {
            LOG.log(Level.INFO, "dropping undeliverable error stanza from {0} to {1} ({2}): {3}",
                    stanza.attribute("from").orElse("-"), stanza.attribute("to").orElse("-"),
                    condition.elementName(), reason);
            return;
        }
        deliver(listener, reply.get());
    }

    /** Hands {@code stanza} to the host; its failures are logged, never allowed to break a stream. */
    private static void deliver(StanzaListener listener, XmlElement stanza) {
        try {
            listener.onStanza(stanza);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the stanza listener failed on a stanza from " + stanza.attribute("from").orElse("-"), e);
        }
    }
}
