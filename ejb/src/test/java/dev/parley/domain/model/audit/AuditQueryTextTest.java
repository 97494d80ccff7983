package dev.parley.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTextTest {

    @Test
    void withoutParametersAsksForTheNewestHundred() throws Exception {
        assertThat(AuditQueryText.parse(null, null, null, null, null)).isEqualTo(AuditQuery.newest());
        assertThat(AuditQueryText.parse("", " ", "", "", "")).isEqualTo(AuditQuery.newest());
    }

    @Test
    void readsEveryFilter() throws Exception {
        AuditQuery query = AuditQueryText.parse(" Jabber.Example ", "stanza_refused", "2026-11-26T08:00:00Z",
                "2026-11-26T12:00:00+02:00", "25");

        assertThat(query).isEqualTo(new AuditQuery("jabber.example", AuditKind.STANZA_REFUSED,
                Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"), 25));
    }

    @Test
    void takesAnOffsetWhosePlusArrivedAsASpace() throws Exception {
        // "?since=2026-11-26T12:00:00+02:00" sent unencoded: the query string decoding turns '+' into ' '.
        assertThat(AuditQueryText.parse(null, null, "2026-11-26T12:00:00 02:00", null, null).since())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() throws Exception {
        assertThatThrownBy(() -> AuditQueryText.parse("x".repeat(256), "HANDSHAKE", "yesterday", "2026-13-01T00:00:00Z", "5000"))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.problems()).containsExactly(
                        "domain must have at most 255 characters, not 256",
                        "kind must be one of [STREAM_OPENED, STREAM_CLOSED, REFUSED, CONNECTION_FAILED, PROXY_LINK_UP, PROXY_LINK_DOWN, STANZA_REFUSED,"
                                + " SETTINGS_CHANGED, SESSION_CLOSED_BY_ADMIN, MESSAGES_READ, USER_CHANGED], not 'HANDSHAKE'",
                        "since must be an ISO-8601 instant such as 2026-11-26T08:00:00Z, not 'yesterday'",
                        "until must be an ISO-8601 instant such as 2026-11-26T08:00:00Z, not '2026-13-01T00:00:00Z'",
                        "limit must be a whole number from 1 to 1000, not '5000'"));
    }

    @Test
    void refusesLimitsOutOfRange() throws Exception {
        for (String limit : new String[] {"0", "-1", "1001", "ten", "99999999999", "1.5"}) {
            assertThatThrownBy(() -> AuditQueryText.parse(null, null, null, null, limit))
                    .as(limit)
                    .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.problems()).containsExactly(
                            "limit must be a whole number from 1 to 1000, not '" + limit + "'"));
        }
        assertThat(AuditQueryText.parse(null, null, null, null, "1").limit()).isEqualTo(1);
        assertThat(AuditQueryText.parse(null, null, null, null, " 1000 ").limit()).isEqualTo(1000);
    }

    @Test
    void refusesATimeRangeThatEndsBeforeItStarts() throws Exception {
        assertThatThrownBy(() -> AuditQueryText.parse(null, null, "2026-11-26T10:00:00Z", "2026-11-26T08:00:00Z", null))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.problems()).containsExactly(
                        "since (2026-11-26T10:00:00Z) must be before until (2026-11-26T08:00:00Z)"));
    }

    @Test
    void refusesInstantsBeyondWhatTheDatabasesStore() throws Exception {
        assertThatThrownBy(() -> AuditQueryText.parse(null, null, "-5000-01-01T00:00:00Z", "+100000-01-01T00:00:00Z", null))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.problems()).containsExactly(
                        "since must lie between the years 1 and 9999, not -5000-01-01T00:00:00Z",
                        "until must lie between the years 1 and 9999, not +100000-01-01T00:00:00Z"));
    }
}
