package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.audit.AuditEntry;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void purgesByAgeThenByNumber() {
        List<String> calls = new ArrayList<>();
        AuditRetention retention = new AuditRetention();
        retention.clock = Clock.fixed(Instant.parse("2026-11-26T12:17:00Z"), ZoneOffset.UTC);
        retention.trail = new AuditTrail() {
            @Override
            public void append(List<AuditRecord> records) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditEntry> find(AuditQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int deleteOlderThan(Instant cutoff) {
                calls.add("older than " + cutoff);
                return 3;
            }

            @Override
            public int deleteBeyondNewest(long keep) {
                calls.add("beyond newest " + keep);
                return 0;
            }
        };

        retention.purge();

        // No parley.audit.* properties in the test JVM: the defaults apply.
        assertThat(calls).containsExactly("older than 2026-08-28T12:17:00Z", "beyond newest 100000");
    }
}
