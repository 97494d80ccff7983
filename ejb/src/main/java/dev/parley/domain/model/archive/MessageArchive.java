package dev.parley.domain.model.archive;

import java.util.List;

/** The messages local users received and sent, newest first. */
public interface MessageArchive {

    void store(ArchivedStanza stanza);

    /**
     * @param recipient the address the stanza was sent to; a bare JID also finds stanzas sent to its resources
     */
    List<ArchivedStanza> latestFor(String recipient, int limit);

    /**
     * The newest messages between two bare JIDs, either way (errors for them included), newest first; each bare JID
     * also finds its resources.
     */
    List<ArchivedStanza> conversation(String user, String contact, int limit);
}
