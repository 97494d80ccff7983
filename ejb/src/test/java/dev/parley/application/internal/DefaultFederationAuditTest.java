package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditEntry;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFederationAuditTest {

    private static final AuditRecord REFUSED = new AuditRecord(Instant.parse("2026-11-26T10:00:00Z"), AuditKind.REFUSED,
            AuditDirection.INBOUND, "corp.example", "spam.example", "198.51.100.9:33012", null, null,
            "no domain authorization for spam.example");

    private final List<List<AuditRecord>> appended = new ArrayList<>();
    private final DefaultFederationAudit audit = new DefaultFederationAudit();

    DefaultFederationAuditTest() {
        audit.trail = new AuditTrail() {
            @Override
            public void append(List<AuditRecord> records) {
                appended.add(records);
            }

            @Override
            public List<AuditEntry> find(AuditQuery query) {
                return List.of(new AuditEntry(REFUSED, Instant.parse("2026-11-26T10:00:01Z")));
            }

            @Override
            public int deleteOlderThan(Instant cutoff) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int deleteBeyondNewest(long keep) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void recordsAnEventAsItHappens() {
        audit.record(REFUSED);

        assertThat(appended).singleElement().satisfies(batch -> assertThat(batch).containsExactly(REFUSED));
    }

    @Test
    void refusesMissingRecordsBeforeWritingAnything() {
        assertThatThrownBy(() -> audit.record(null)).isInstanceOf(NullPointerException.class);
        assertThat(appended).isEmpty();
    }

    @Test
    void findsEntriesAsRecords() {
        assertThat(audit.find(AuditQuery.newest())).containsExactly(REFUSED);
    }
}
