package dev.parley.domain.model.archive;

import dev.parley.domain.model.user.UserName;
import java.time.Instant;
import java.util.List;

/** Local users' message histories, newest first. */
public interface MessageArchive {

    void store(ArchivedStanza stanza);

    /**
     * For an administrator's search: what was sent to an address.
     *
     * @param recipient the address the stanza was sent to; a bare JID also finds stanzas sent to its resources
     */
    List<ArchivedStanza> latestFor(String recipient, int limit);

    /** The newest messages that reached {@code owner} (errors for what they sent included), newest first. */
    List<ArchivedStanza> receivedBy(UserName owner, int limit);

    /** The newest messages between {@code owner} and {@code peer} (a bare JID) either way, newest first. */
    List<ArchivedStanza> conversation(UserName owner, String peer, int limit);

    /** Removes {@code owner}'s whole history. */
    void deleteOwnedBy(UserName owner);

    /**
     * Removes up to {@code batch} of the messages kept from before {@code cutoff}, oldest first.
     *
     * @return how many were removed: fewer than {@code batch} when none older is left
     */
    int deleteOlderThan(Instant cutoff, int batch);
}
