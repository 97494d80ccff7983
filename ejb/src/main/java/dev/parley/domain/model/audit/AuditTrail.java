package dev.parley.domain.model.audit;

import java.time.Instant;
import java.util.List;

/** Where the audit entries are kept. */
public interface AuditTrail {

    /** Keeps the records, in the caller's transaction. */
    void append(List<AuditRecord> records);

    /** The entries the query asks for, newest (by {@link AuditRecord#at}) first. */
    List<AuditEntry> find(AuditQuery query);

    /**
     * Removes the entries that happened before the cutoff.
     *
     * @return how many were removed
     */
    int deleteOlderThan(Instant cutoff);

    /**
     * Removes all entries but the newest {@code keep} (in the order of {@link #find}).
     *
     * @return how many were removed
     */
    int deleteBeyondNewest(long keep);
}
