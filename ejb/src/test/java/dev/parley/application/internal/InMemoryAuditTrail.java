package dev.parley.application.internal;

import dev.parley.domain.model.audit.AuditEntry;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit trail as the JPA one behaves, in a list: newest first, filtered as the query says. */
final class InMemoryAuditTrail implements AuditTrail {

    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing((AuditEntry entry) -> entry.record().at()).reversed();

    final List<AuditEntry> entries = new ArrayList<>();
    private final Instant recordedAt;

    InMemoryAuditTrail(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }

    @Override
    public void append(List<AuditRecord> records) {
        records.forEach(record -> entries.add(new AuditEntry(record, recordedAt)));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return entries.stream()
                .filter(entry -> query.remoteDomain() == null || query.remoteDomain().equals(entry.record().remoteDomain()))
                .filter(entry -> query.kind() == null || query.kind() == entry.record().kind())
                .filter(entry -> query.since() == null || !entry.record().at().isBefore(query.since()))
                .filter(entry -> query.until() == null || entry.record().at().isBefore(query.until()))
                .sorted(NEWEST_FIRST)
                .limit(query.limit())
                .toList();
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        int before = entries.size();
        entries.removeIf(entry -> entry.record().at().isBefore(cutoff));
        return before - entries.size();
    }

    @Override
    public int deleteBeyondNewest(long keep) {
        List<AuditEntry> beyond = entries.stream().sorted(NEWEST_FIRST).skip(keep).toList();
        entries.removeAll(beyond);
        return beyond.size();
    }
}
