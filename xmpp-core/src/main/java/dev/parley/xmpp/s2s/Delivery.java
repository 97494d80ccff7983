package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.util.Objects;

/** What became of a stanza given to {@link S2sEngine#submit}. */
public sealed interface Delivery {

    /**
     * The remote server confirmed it took the stanza: it answered a ping (XEP-0199) that we wrote after the stanza on
     * the same stream, and a server processes a stream's stanzas in order. What the remote server then did with it
     * (delivered, stored offline, answered with an error) is its own business, as with any XMPP server.
     */
    record Acknowledged() implements Delivery {
    }

    /**
     * The stanza was written, and no receipt will come: written to the remote server just before our stream to it
     * ended in order (its domain no longer federated or served), or handed to a component host that tells no more
     * (a stock server hosting Parley's domain as a component). A connection that breaks afterwards may still lose it.
     */
    record Written() implements Delivery {
    }

    /**
     * The stanza was not sent and never will be; with {@link S2sEngine#send} it would have come back to the
     * {@link StanzaListener} as an error reply with this condition and text.
     *
     * @param condition why, as a stanza error condition (e.g. {@code remote-server-not-found}, {@code not-allowed})
     * @param text      what happened, in words a person understands
     */
    record Bounced(StanzaErrorCondition condition, String text) implements Delivery {

        public Bounced {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
