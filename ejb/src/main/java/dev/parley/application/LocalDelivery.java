package dev.parley.application;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import java.util.List;

/** The UC messaging module's door: stanzas for local users are delivered (and kept) here. */
public interface LocalDelivery {

    void deliver(StanzaEnvelope stanza);

    /**
     * The newest stanzas kept for {@code recipient}, newest first; the reading is audited with who read how many.
     *
     * @param who the administrator reading them
     */
    List<ArchivedStanza> latestFor(String recipient, int limit, String who);
}
