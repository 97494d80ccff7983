package dev.parley.domain.model.user;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import java.util.Optional;

/**
 * A local user's name: the localpart of their address ({@code name@served.domain}) and their sign-in name, canonical
 * as RFC 7622 compares localparts (so {@code Alice} and {@code alice} are one user).
 */
public record UserName(String value) {

    /** Longer names are valid JIDs but unusable as sign-in names, and no directory has them. */
    public static final int MAX_LENGTH = 64;

    /**
     * @throws IllegalArgumentException with the rule {@code value} breaks; use {@link #problem} to ask first
     */
    public UserName {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = Jid.canonicalLocalpart(value);
    }

    /** {@code text} as a user name, canonical. */
    public static UserName of(String text) {
        return new UserName(text);
    }

    /** What is wrong with {@code text} as a user name; empty when it is a valid one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("userName is required");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("userName is " + text.length() + " characters long; at most " + MAX_LENGTH
                    + " are allowed");
        }
        try {
            Jid.canonicalLocalpart(text);
            return Optional.empty();
        } catch (InvalidJidException e) {
            return Optional.of("userName '" + text + "' cannot be the localpart of an XMPP address: " + e.getMessage());
        }
    }

    /** The user's bare JID on {@code domain}. */
    public Jid jidOn(String domain) {
        return new Jid(Optional.of(value), domain, Optional.empty());
    }

    @Override
    public String toString() {
        return value;
    }
}
