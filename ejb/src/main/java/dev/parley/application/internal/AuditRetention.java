package dev.parley.application.internal;

import dev.parley.domain.model.audit.AuditTrail;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * The retention limit of the federation audit trail: every hour, entries older than
 * {@code parley.audit.retention-days} (default 90) and all but the newest
 * {@code parley.audit.max-entries} (default 100,000) are removed. The properties are read at each
 * run, so a change applies from the next hour without a redeployment.
 */
@Singleton
public class AuditRetention {

    private static final System.Logger LOG = System.getLogger(AuditRetention.class.getName());

    @Inject
    AuditTrail trail;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "17", persistent = false, info = "federation audit retention")
    void purge() {
        AuditRetentionPolicy policy = AuditRetentionPolicy.fromSystemProperties(warning -> LOG.log(Level.WARNING, warning));
        Instant cutoff = policy.cutoff(clock);
        int tooOld = trail.deleteOlderThan(cutoff);
        int tooMany = trail.deleteBeyondNewest(policy.maxEntries());
        if (tooOld > 0 || tooMany > 0) {
            LOG.log(Level.INFO, "Federation audit retention removed {0} entries from before {1} and {2} beyond the newest {3}",
                    tooOld, cutoff, tooMany, policy.maxEntries());
        }
    }
}
