package dev.parley.domain.model.authorization;

/**
 * How much remote users of a domain see of local users, lowest first: the order matters, since a level is
 * {@linkplain #cappedAt capped} by the global maximum.
 */
public enum AuthorizationLevel {
    /** No federation at all: nothing is sent to the domain and nothing accepted from it. */
    BLOCKED,
    /** Name, title, company, business phones, e-mail; presence only as available / unavailable. */
    PUBLIC,
    /** As PUBLIC, plus availability detail (away, dnd, xa). */
    BUSINESS,
    /** Plus detailed contact data and status notes. */
    TEAM_MEMBER,
    /** Everything, private data included. */
    PERSONAL;

    /** This level, or {@code max} where that is lower. */
    public AuthorizationLevel cappedAt(AuthorizationLevel max) {
        return compareTo(max) <= 0 ? this : max;
    }

    /** Whether the level allows federation at all. */
    public boolean allowsFederation() {
        return this != BLOCKED;
    }
}
