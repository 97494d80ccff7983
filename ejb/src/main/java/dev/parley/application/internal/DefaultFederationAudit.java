package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.domain.model.audit.AuditEntry;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

@Stateless
public class DefaultFederationAudit implements FederationAudit {

    @Inject
    AuditTrail trail;

    @Override
    public void record(AuditRecord record) {
        trail.append(List.of(Objects.requireNonNull(record, "record")));
    }

    @Override
    public List<AuditRecord> find(AuditQuery query) {
        return trail.find(Objects.requireNonNull(query, "query")).stream().map(AuditEntry::record).toList();
    }
}
