package dev.parley.application.internal;

import dev.parley.application.LocalUserLeft;
import dev.parley.application.PresenceService;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.presence.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What ends with a local user who is disabled or removed, in the same transaction: their contacts see them go
 * unavailable; a removed user's subscriptions are ended both ways (RFC 6121 §3.2, §3.3) and their history deleted, so
 * that a new user of the same name starts with nothing of theirs.
 */
@ApplicationScoped
public class UserDepartures {

    @Inject
    PresenceService presence;

    @Inject
    MessageArchive archive;

    void left(@Observes LocalUserLeft departure) {
        presence.setPresence(departure.user(), Presence.UNAVAILABLE);
        if (departure.removed()) {
            presence.removeAll(departure.user());
            archive.deleteOwnedBy(departure.user());
        }
    }
}
