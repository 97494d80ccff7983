package dev.parley.application;

import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import java.util.List;

/** The federation audit for service tests: keeps what is recorded, in order, for the test to read. */
public final class RecordingFederationAudit implements FederationAudit {

    private final List<AuditRecord> recorded;

    /**
     * @param recorded where the records go, so that the test reads the list it already has
     */
    public RecordingFederationAudit(List<AuditRecord> recorded) {
        this.recorded = recorded;
    }

    @Override
    public void record(AuditRecord record) {
        recorded.add(record);
    }

    @Override
    public List<AuditRecord> find(AuditQuery query) {
        return List.copyOf(recorded);
    }
}
