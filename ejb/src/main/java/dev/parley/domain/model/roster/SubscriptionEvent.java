package dev.parley.domain.model.roster;

/** What a subscription stanza or a user's choice did to a roster item, and so what Parley does next. */
public enum SubscriptionEvent {
    /** The stanza changes nothing here (a duplicate, or an answer to nothing asked): it is dropped (RFC 6121 §3). */
    IGNORED,
    /** The state changed: the user is told. */
    CHANGED,
    /** A contact asks to see the user's presence: it waits for the user's approval. */
    APPROVAL_PENDING,
    /** A contact already approved asked again: Parley answers subscribed itself (RFC 6121 §3.1.3). */
    APPROVED_ALREADY
}
