package dev.parley.connector.api;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.xml.XmlElement;

/**
 * The message listener of the MDB activated on Parley's resource adapter. The adapter calls it,
 * one call at a time per lane, for every stanza a remote server delivered or the engine bounced,
 * and for every federation event worth an audit entry.
 *
 * <p>A stanza whose call throws is offered again a few times and then bounced to its remote sender
 * with {@code internal-server-error}: an implementation that cannot take a stanza should throw
 * (rolling back whatever it began) rather than drop it.
 */
public interface FederationListener {

    /** A stanza for a local user, from an authenticated remote domain, or an error reply from the engine. */
    void onStanza(XmlElement stanza);

    /** A stream opened, closed or was refused, or a remote domain could not be reached. */
    void onEvent(FederationEvent event);
}
