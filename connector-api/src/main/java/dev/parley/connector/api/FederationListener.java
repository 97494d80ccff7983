package dev.parley.connector.api;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;

/**
 * The message listener of the MDB activated on Parley's resource adapter. The adapter calls it,
 * one call at a time per lane, for every stanza a remote server delivered or the engine bounced
 * (several at a time when they wait: each call is one transaction), and for every federation event
 * worth an audit entry.
 *
 * <p>A call that throws is offered again; a stanza that keeps failing on its own is bounced to its
 * remote sender with {@code internal-server-error}: an implementation that cannot take a stanza
 * should throw (rolling back whatever it began) rather than drop it. Once a call returns, its
 * stanzas count as taken: the remote server's ping that follows them is answered.
 */
public interface FederationListener {

    /**
     * Stanzas for local users, from authenticated remote domains, or error replies from the engine, in the order
     * they arrived: all of them or, by throwing, none.
     */
    void onStanzas(List<XmlElement> stanzas);

    /** A stream opened, closed or was refused, or a remote domain could not be reached. */
    void onEvent(FederationEvent event);
}
