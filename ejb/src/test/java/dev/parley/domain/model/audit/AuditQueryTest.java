package dev.parley.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-26T20:00:00Z");

    @Test
    void asksForTheNewestHundredByDefault() {
        assertThat(AuditQuery.newest()).isEqualTo(new AuditQuery(null, null, null, null, 100));
    }

    @Test
    void searchesDomainsAsTheTrailKeepsThem() {
        assertThat(new AuditQuery(" Jabber.Example ", null, null, null, 10).remoteDomain()).isEqualTo("jabber.example");
    }

    @Test
    void acceptsLimitsFromOneToAThousand() {
        assertThat(new AuditQuery(null, null, null, null, 1).limit()).isEqualTo(1);
        assertThat(new AuditQuery(null, null, null, null, 1000).limit()).isEqualTo(1000);
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATimeRangeThatEndsBeforeItStarts() {
        assertThat(new AuditQuery(null, AuditKind.REFUSED, MORNING, EVENING, 10).since()).isEqualTo(MORNING);
        assertThatThrownBy(() -> new AuditQuery(null, null, EVENING, MORNING, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("since (2026-11-26T20:00:00Z) must be before until (2026-11-26T08:00:00Z)");
        assertThatThrownBy(() -> new AuditQuery(null, null, MORNING, MORNING, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
