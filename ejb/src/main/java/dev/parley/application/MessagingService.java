package dev.parley.application;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.user.UserName;
import java.util.List;

/** Chat for local users: what they send, and what reached them. */
public interface MessagingService {

    /**
     * Sends a chat message from the user's session to {@code to}, and keeps it in the user's conversation; a failure to
     * deliver comes back to the user as an error message in their messages.
     *
     * @param id the message id, kept end to end; null to have one made
     * @return the message's id
     * @throws InvalidMessageException naming every problem: an address that is none, an empty or oversized body, a
     *                                 domain this server does not federate with
     */
    String send(UserName user, String to, String body, String id) throws InvalidMessageException;

    /** The newest stanzas that reached the user (messages, and errors for what they sent), newest first. */
    List<ArchivedStanza> received(UserName user, int limit);

    /**
     * The newest messages between the user and {@code contact} (a bare JID) either way, errors included, newest first;
     * empty for an address that is none.
     */
    List<ArchivedStanza> conversation(UserName user, String contact, int limit);
}
