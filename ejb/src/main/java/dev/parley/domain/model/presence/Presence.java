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

    public static Presence of(Availability availability, String status) {
        return new Presence(availability, Optional.ofNullable(status));
    }
}
