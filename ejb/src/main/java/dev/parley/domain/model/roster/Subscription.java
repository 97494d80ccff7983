package dev.parley.domain.model.roster;

/**
 * Who sees whose presence, from the local user's side (RFC 6121 §2.1.2.5): TO, the user sees the contact's; FROM, the
 * contact sees the user's; BOTH; NONE.
 */
public enum Subscription {
    NONE,
    TO,
    FROM,
    BOTH;

    public boolean to() {
        return this == TO || this == BOTH;
    }

    public boolean from() {
        return this == FROM || this == BOTH;
    }

    static Subscription of(boolean to, boolean from) {
        return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
    }
}
