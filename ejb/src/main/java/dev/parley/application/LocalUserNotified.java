package dev.parley.application;

import dev.parley.domain.model.user.UserName;

/**
 * Something reached a local user: a CDI event, fired inside the transaction that delivered it, for whatever shows the
 * user what is new (the chat page's push) to observe after that transaction succeeded.
 */
public record LocalUserNotified(UserName user, What what) {

    public enum What {
        /** A message, or an error for one the user sent. */
        MESSAGE,
        /** A contact's presence, a subscription request or answer. */
        CONTACTS
    }
}
