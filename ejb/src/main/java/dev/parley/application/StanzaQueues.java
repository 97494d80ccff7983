package dev.parley.application;

import dev.parley.domain.model.stanza.StanzaEnvelope;

/** The queues the application puts stanzas on, in the caller's transaction. */
public interface StanzaQueues {

    /** To the queue to remote domains, as a first try: a stanza the server itself sends, such as an IQ answer. */
    void toFederation(StanzaEnvelope stanza);

    /** To the UC messaging module: a stanza for a local user. */
    void toLocalUsers(StanzaEnvelope stanza);

    /**
     * To the feed enterprise applications subscribe to: a copy of a stanza delivered to a local user, so that they
     * never consume the queue local users are served from.
     */
    void toFeed(StanzaEnvelope stanza);

    /**
     * To the dead-letter queue: something that cannot be routed and must not be lost either.
     *
     * @param body   the message text as it arrived
     * @param reason why it was set aside, for the person who looks at the queue
     * @param origin the queue (or component) it came from
     */
    void deadLetter(String body, String reason, String origin);
}
