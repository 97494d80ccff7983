package dev.parley.application;

import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.roster.ContactNotFoundException;
import dev.parley.domain.model.roster.InvalidContactException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.user.UserName;
import java.util.List;

/**
 * Presence and rosters of local users (RFC 6121): subscriptions both ways, the user's own presence broadcast to the
 * contacts who may see it (filtered by their domain's level), probes answered, contacts' presence tracked.
 */
public interface PresenceService {

    /**
     * Takes a presence stanza addressed to local user {@code user}.
     *
     * @return whether the user got something of it (a request, a state change, a contact's presence)
     */
    boolean received(StanzaEnvelope presence, UserName user);

    /** The user's contacts, and the requests waiting for the user's approval, by contact. */
    List<Contact> contacts(UserName user);

    /**
     * Adds {@code contact} (a bare JID) to the user's contacts and asks to see their presence.
     *
     * @param name what the user calls the contact; null for none
     */
    Contact subscribe(UserName user, String contact, String name) throws InvalidContactException;

    /** Lets a contact who asked see the user's presence. */
    Contact approve(UserName user, String contact) throws ContactNotFoundException;

    /** Refuses a contact's request, or stops letting them see the user's presence. */
    void refuse(UserName user, String contact) throws ContactNotFoundException;

    /** Removes a contact: neither sees the other's presence any longer. */
    void remove(UserName user, String contact) throws ContactNotFoundException;

    /** Removes all of the user's contacts: neither side sees the other's presence any longer. */
    void removeAll(UserName user);

    Presence presenceOf(UserName user);

    /** Sets the user's presence and tells every contact allowed to see it, as much as their level shows. */
    void setPresence(UserName user, Presence presence);

    /**
     * Sends every user's presence anew to the contacts allowed to see it whose domain's level now differs from the
     * one {@code before} gave it, as the new level shows it (nothing to a domain no longer federated with). Runs in a
     * transaction of its own, after the change that replaced {@code before} was committed.
     */
    void levelsChangedSince(AuthorizationTable before);
}
