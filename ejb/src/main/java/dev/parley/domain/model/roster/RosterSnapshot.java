package dev.parley.domain.model.roster;

import java.util.Optional;

/** A roster item as read: the contact's bare JID, the name the user gave, and the subscription state. */
public record RosterSnapshot(String contact, Optional<String> name, Subscription subscription, boolean pendingOut,
        boolean pendingIn) {
}
