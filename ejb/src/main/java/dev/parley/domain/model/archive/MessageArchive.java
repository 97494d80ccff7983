package dev.parley.domain.model.archive;

import java.util.List;

/** The stanzas delivered to local users, newest first. */
public interface MessageArchive {

    void store(ArchivedStanza stanza);

    /**
     * @param recipient the address the stanza was sent to; a bare JID also finds stanzas sent to its resources
     */
    List<ArchivedStanza> latestFor(String recipient, int limit);
}
