package dev.parley.application;

import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import java.util.List;

/**
 * The federation audit trail: federation events recorded as they happen, and searched by
 * administrators. Entries are kept for a limited time and number (see the retention properties
 * {@code parley.audit.retention-days} and {@code parley.audit.max-entries}).
 */
public interface FederationAudit {

    /** Records one event, in the caller's transaction: an event of a change that rolls back is not kept. */
    void record(AuditRecord record);

    /** The entries the query asks for, newest first. */
    List<AuditRecord> find(AuditQuery query);
}
