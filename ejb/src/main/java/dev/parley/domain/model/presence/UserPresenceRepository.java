package dev.parley.domain.model.presence;

import dev.parley.domain.model.user.UserName;
import java.time.Instant;
import java.util.Optional;

public interface UserPresenceRepository {

    Optional<UserPresence> find(UserName user);

    void add(UserPresence presence);

    /**
     * Makes every user unavailable, as of {@code when}.
     *
     * @return how many were not unavailable before
     */
    int allUnavailable(Instant when);
}
