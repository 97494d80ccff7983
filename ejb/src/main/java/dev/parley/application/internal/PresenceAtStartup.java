package dev.parley.application.internal;

import dev.parley.domain.model.presence.UserPresenceRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Every local user is unavailable when Parley starts: their chat sessions did not survive the stop, so a contact's
 * probe must not be answered with the presence they had before it (RFC 6121 §4.3.2).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PresenceAtStartup {

    private static final System.Logger LOG = System.getLogger(PresenceAtStartup.class.getName());

    @Inject
    UserPresenceRepository presences;

    @PostConstruct
    void everyoneUnavailable() {
        int reset = presences.allUnavailable(Clock.systemUTC().instant());
        if (reset > 0) {
            LOG.log(Level.INFO, "{0} local user(s) shown unavailable at start-up", reset);
        }
    }
}
