package dev.parley.domain.model.presence;

import java.util.Optional;

/**
 * How available a user is: RFC 6121 §4.7.2.1's {@code <show/>} values, plus unavailable. A {@code chat} show is read as
 * AVAILABLE: people see no difference between "available" and "free for chat".
 */
public enum Availability {
    AVAILABLE(null),
    AWAY("away"),
    DND("dnd"),
    XA("xa"),
    UNAVAILABLE(null);

    private final String show;

    Availability(String show) {
        this.show = show;
    }

    /** The {@code <show/>} element's text; empty for AVAILABLE (no element) and UNAVAILABLE (a type instead). */
    public Optional<String> show() {
        return Optional.ofNullable(show);
    }

    /** Whether the user is online, whatever the detail. */
    public boolean online() {
        return this != UNAVAILABLE;
    }
}
