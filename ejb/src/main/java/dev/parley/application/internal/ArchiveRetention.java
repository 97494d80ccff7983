package dev.parley.application.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The retention limit of users' message histories: every hour, messages older than
 * {@value #RETENTION_DAYS} days (default {@value #DEFAULT_RETENTION_DAYS}) are removed, a batch per transaction so that
 * a large backlog neither holds one huge transaction nor blocks deliveries meanwhile. The property is read at each
 * run, so a change applies from the next hour without a redeployment.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NEVER)
public class ArchiveRetention {

    public static final String RETENTION_DAYS = "parley.archive.retention-days";
    public static final int DEFAULT_RETENTION_DAYS = 365;
    static final int LONGEST_RETENTION_DAYS = 36_500;
    static final int BATCH = 5_000;
    private static final System.Logger LOG = System.getLogger(ArchiveRetention.class.getName());

    @Inject
    ArchiveRetentionBatch batches;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "37", persistent = false, info = "message history retention")
    void purge() {
        long days = NumberProperty.read(System::getProperty, warning -> LOG.log(Level.WARNING, warning),
                RETENTION_DAYS, 1, LONGEST_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, "days");
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        long removed = 0;
        int batch;
        do {
            batch = batches.deleteOlderThan(cutoff, BATCH);
            removed += batch;
        } while (batch == BATCH);
        if (removed > 0) {
            LOG.log(Level.INFO, "Message history retention removed {0} messages from before {1}", removed, cutoff);
        }
    }
}
