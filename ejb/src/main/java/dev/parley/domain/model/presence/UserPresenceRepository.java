package dev.parley.domain.model.presence;

import dev.parley.domain.model.user.UserName;
import java.util.Optional;

public interface UserPresenceRepository {

    Optional<UserPresence> find(UserName user);

    void add(UserPresence presence);
}
