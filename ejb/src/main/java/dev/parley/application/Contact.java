package dev.parley.application;

import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.roster.RosterSnapshot;

/**
 * A contact as a local user sees it: the roster item, and the contact's presence as last received (unavailable when
 * the user does not see it, or federation with the contact's domain ended).
 */
public record Contact(RosterSnapshot item, Presence presence) {
}
