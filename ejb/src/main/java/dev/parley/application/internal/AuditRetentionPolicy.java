package dev.parley.application.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How long and how many federation audit entries are kept, read from system properties. A value
 * that is not a whole number in range is reported and replaced by the default, so that a typo
 * never purges the trail or stops the purge.
 *
 * @param retentionDays entries older than this many days go
 * @param maxEntries    beyond this many entries, the oldest go
 */
public record AuditRetentionPolicy(int retentionDays, long maxEntries) {

    public static final String RETENTION_DAYS = "parley.audit.retention-days";
    public static final String MAX_ENTRIES = "parley.audit.max-entries";
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final long DEFAULT_MAX_ENTRIES = 100_000;
    static final int LONGEST_RETENTION_DAYS = 36_500;
    static final long LARGEST_MAX_ENTRIES = Integer.MAX_VALUE - 1L;

    public AuditRetentionPolicy {
        if (retentionDays < 1 || retentionDays > LONGEST_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays must be between 1 and " + LONGEST_RETENTION_DAYS + ", not " + retentionDays);
        }
        if (maxEntries < 1 || maxEntries > LARGEST_MAX_ENTRIES) {
            throw new IllegalArgumentException("maxEntries must be between 1 and " + LARGEST_MAX_ENTRIES + ", not " + maxEntries);
        }
    }

    /**
     * @param properties the property source, {@code System::getProperty} in the server
     * @param warnings   told in a sentence about each value that was not usable
     */
    public static AuditRetentionPolicy from(Function<String, String> properties, Consumer<String> warnings) {
        long days = NumberProperty.read(properties, warnings, RETENTION_DAYS, 1, LONGEST_RETENTION_DAYS,
                DEFAULT_RETENTION_DAYS, "days");
        long entries = NumberProperty.read(properties, warnings, MAX_ENTRIES, 1, LARGEST_MAX_ENTRIES,
                DEFAULT_MAX_ENTRIES, "entries");
        return new AuditRetentionPolicy((int) days, entries);
    }

    public static AuditRetentionPolicy fromSystemProperties(Consumer<String> warnings) {
        return from(System::getProperty, warnings);
    }

    /** Entries that happened before this instant are too old to keep. */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(Duration.ofDays(retentionDays));
    }
}
