package dev.parley.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface LocalUserRepository {

    /** All users by name. */
    List<LocalUser> all();

    Optional<LocalUser> find(UserName name);

    /**
     * Holds the user's row until the transaction ends, so that changes to one user's roster and presence happen one
     * after another: the second sees what the first stored, instead of adding a duplicate row or computing a presence
     * change from a state that is no longer true. Does nothing for a user who does not exist.
     */
    void lockForChange(UserName name);

    /** @throws UserConflictException when a user of that name was stored at the same moment */
    void add(LocalUser user) throws UserConflictException;

    void remove(LocalUser user);

    /** Writes pending changes now, so that a concurrent change shows as a conflict here and not at commit. */
    void flush() throws UserConflictException;
}
