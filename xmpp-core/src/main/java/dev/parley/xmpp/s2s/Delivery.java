package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.util.Objects;

/** What became of a stanza given to {@link S2sEngine#submit}. */
public sealed interface Delivery {

    /**
     * The stanza was written to the remote server's socket. Not a receipt: without stream management (XEP-0198) a
     * connection that breaks afterwards may still lose it.
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
