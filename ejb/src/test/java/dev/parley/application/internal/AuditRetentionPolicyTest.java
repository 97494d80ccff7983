package dev.parley.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRetentionPolicyTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final List<String> warnings = new ArrayList<>();

    private AuditRetentionPolicy policy(Map<String, String> properties) {
        return AuditRetentionPolicy.from(properties::get, warnings::add);
    }

    @Test
    void keepsNinetyDaysAndAHundredThousandEntriesByDefault() {
        AuditRetentionPolicy policy = policy(Map.of());

        assertThat(policy.retentionDays()).isEqualTo(90);
        assertThat(policy.maxEntries()).isEqualTo(100_000);
        assertThat(policy.cutoff(NOW)).isEqualTo(Instant.parse("2026-08-28T12:00:00Z"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void followsTheSystemProperties() {
        AuditRetentionPolicy policy = policy(Map.of(
                "parley.audit.retention-days", " 7 ",
                "parley.audit.max-entries", "5000"));

        assertThat(policy.cutoff(NOW)).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
        assertThat(policy.maxEntries()).isEqualTo(5000);
        assertThat(warnings).isEmpty();
    }

    @Test
    void warnsAndKeepsTheDefaultForUnusableValues() {
        AuditRetentionPolicy policy = policy(Map.of(
                "parley.audit.retention-days", "ninety",
                "parley.audit.max-entries", "0"));

        assertThat(policy).isEqualTo(new AuditRetentionPolicy(90, 100_000));
        assertThat(warnings).containsExactly(
                "System property parley.audit.retention-days is 'ninety', not a whole number of days between 1 and 36500;"
                        + " using the default 90",
                "System property parley.audit.max-entries is '0', not a whole number of entries between 1 and 2147483646;"
                        + " using the default 100000");
    }

    @Test
    void refusesRetentionsThatWouldPurgeEverythingOrOverflow() {
        for (String days : List.of("0", "-1", "36501", "99999999999999999999", "", "1.5")) {
            warnings.clear();
            assertThat(policy(Map.of("parley.audit.retention-days", days)).retentionDays()).as(days).isEqualTo(90);
            assertThat(warnings).as(days).hasSize(1);
        }
        assertThat(policy(Map.of("parley.audit.retention-days", "36500")).cutoff(NOW))
                .isEqualTo(NOW.instant().minus(java.time.Duration.ofDays(36_500)));
    }
}
