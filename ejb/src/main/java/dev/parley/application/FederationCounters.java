package dev.parley.application;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stanza.StanzaErrorCondition;

/** Counts what passes between this server's users and remote servers, for monitoring and the console's charts. */
public interface FederationCounters {

    /** {@code count} stanzas from remote servers reached the application: the transaction that took them committed. */
    void received(int count);

    /** {@code count} stanzas to remote servers were written to their streams (and acknowledged where they could be). */
    void written(int count);

    /** A stanza to a remote server failed with {@code condition} and waits to be tried again. */
    void retried(StanzaErrorCondition condition);

    /** A stanza to a remote server went back to its sender with {@code condition} (an error stanza: set aside). */
    void bounced(StanzaErrorCondition condition);

    void event(FederationEvent.Kind kind);

    /** The counts since the server started, and the sessions open now. */
    TrafficFigures figures();
}
