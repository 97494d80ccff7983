package dev.parley.application.internal;

import dev.parley.application.PresenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the presence service when the authorization table was replaced, so that contacts of a domain whose level
 * changed see local users' presence as the new level shows it, without waiting for the users' next change.
 */
@ApplicationScoped
public class PresenceLevelWatch {

    @Inject
    PresenceService presence;

    void replaced(@Observes AuthorizationTableReplaced change) {
        presence.levelsChangedSince(change.before());
    }
}
