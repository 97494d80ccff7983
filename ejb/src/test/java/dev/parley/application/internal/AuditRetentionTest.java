package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:17:00Z");

    private static AuditRecord refusedAt(Instant at) {
        return new AuditRecord(at, AuditKind.REFUSED, AuditDirection.INBOUND, "corp.example", "spam.example",
                "198.51.100.9:33012", null, null, "no domain authorization");
    }

    @Test
    void removesWhatIsOlderThanTheRetentionPeriod() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail(NOW);
        AuditRecord kept = refusedAt(NOW.minus(Duration.ofDays(89)));
        trail.append(List.of(refusedAt(NOW.minus(Duration.ofDays(91))), kept, refusedAt(NOW.minus(Duration.ofDays(400)))));
        AuditRetention retention = new AuditRetention();
        retention.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        retention.trail = trail;

        retention.purge();

        // No parley.audit.* properties in the test JVM: the defaults (90 days, 100,000 entries) apply.
        assertThat(trail.entries).extracting(entry -> entry.record()).containsExactly(kept);
    }
}
