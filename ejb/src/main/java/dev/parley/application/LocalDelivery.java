package dev.parley.application;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import java.util.List;

/** The UC messaging module's door: stanzas for local users are delivered (and kept) here. */
public interface LocalDelivery {

    /**
     * Delivers {@code stanza} to the local user it is addressed to, or answers it: an IQ request on the user's behalf,
     * a stanza for an unknown or disabled user with the error RFC 6121 §8.5 gives (presence, errors and headlines
     * silently dropped, as it says).
     *
     * @return whether a local user got the stanza
     */
    boolean deliver(StanzaEnvelope stanza);

    /**
     * The newest stanzas kept for {@code recipient}, newest first; the reading is audited with who read how many.
     *
     * @param who the administrator reading them
     */
    List<ArchivedStanza> latestFor(String recipient, int limit, String who);
}
