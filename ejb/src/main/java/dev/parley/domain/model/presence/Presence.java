package dev.parley.domain.model.presence;

import java.util.Objects;
import java.util.Optional;

/**
 * A user's presence as others may see it.
 *
 * @param status the status note, e.g. "In a meeting until 3"; empty when there is none
 */
public record Presence(Availability availability, Optional<String> status) {

    public static final Presence UNAVAILABLE = new Presence(Availability.UNAVAILABLE, Optional.empty());
    public static final int MAX_STATUS_LENGTH = 500;

    public Presence {
        Objects.requireNonNull(availability, "availability");
        status = status.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** What is wrong with {@code status} as a status note; empty when nothing is. */
    public static Optional<String> statusProblem(String status) {
        if (status == null) {
            return Optional.empty();
        }
        if (status.strip().length() > MAX_STATUS_LENGTH) {
            return Optional.of("status is longer than " + MAX_STATUS_LENGTH + " characters");
        }
        if (status.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("status may not contain control characters or line breaks");
        }
        return Optional.empty();
    }

    public static Presence of(Availability availability, String status) {
        return new Presence(availability, Optional.ofNullable(status));
    }
}
