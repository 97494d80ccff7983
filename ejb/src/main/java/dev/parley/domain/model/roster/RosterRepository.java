package dev.parley.domain.model.roster;

import dev.parley.domain.model.user.UserName;
import java.util.List;
import java.util.Optional;

public interface RosterRepository {

    /** The user's items, listed or only waiting for approval, by contact. */
    List<RosterItem> of(UserName owner);

    Optional<RosterItem> find(UserName owner, String contact);

    /** Every user's items whose contact may see the user's presence (FROM or BOTH). */
    List<RosterItem> seeingPresence();

    void add(RosterItem item);

    void remove(RosterItem item);
}
