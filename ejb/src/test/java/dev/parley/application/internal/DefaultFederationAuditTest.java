package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DefaultFederationAuditTest {

    private static final AuditRecord REFUSED = new AuditRecord(Instant.parse("2026-11-26T10:00:00Z"), AuditKind.REFUSED,
            AuditDirection.INBOUND, "corp.example", "spam.example", "198.51.100.9:33012", null, null,
            "no domain authorization for spam.example");

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail(Instant.parse("2026-11-26T10:00:01Z"));
    private final DefaultFederationAudit audit = new DefaultFederationAudit();

    DefaultFederationAuditTest() {
        audit.trail = trail;
    }

    @Test
    void recordsAnEventAsItHappens() {
        audit.record(REFUSED);

        assertThat(trail.entries).extracting(entry -> entry.record()).containsExactly(REFUSED);
    }

    @Test
    void refusesMissingRecordsBeforeWritingAnything() {
        assertThatThrownBy(() -> audit.record(null)).isInstanceOf(NullPointerException.class);
        assertThat(trail.entries).isEmpty();
    }

    @Test
    void findsEntriesAsRecords() {
        audit.record(REFUSED);

        assertThat(audit.find(AuditQuery.newest())).containsExactly(REFUSED);
    }
}
