package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A flood of refusals from one address reaches the audit trail as a sample and a count. */
class RefusalThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final RefusalThrottle throttle = new RefusalThrottle(clock);

    private static FederationEvent event(FederationEvent.Kind kind, String address) {
        return new FederationEvent(Instant.EPOCH, kind, SessionDirection.INBOUND, "parley.test", "evil.test", address,
                Optional.empty(), Optional.empty(), "stream error <policy-violation/>");
    }

    private int admittedOf(FederationEvent.Kind kind, String address, int times) {
        return IntStream.range(0, times).map(i -> throttle.admit(event(kind, address)).size()).sum();
    }

    @Test
    void letsTheFirstRefusalsOfAnAddressThroughPerMinuteWhateverItsPort() {
        assertThat(admittedOf(FederationEvent.Kind.REFUSED, "192.0.2.7:40001", 15)).isEqualTo(15);
        assertThat(admittedOf(FederationEvent.Kind.REFUSED, "192.0.2.7:40002", 15)).isEqualTo(5);
        assertThat(admittedOf(FederationEvent.Kind.REFUSED, "[2001:db8::7]:40003", 3)).isEqualTo(3);
        assertThat(admittedOf(FederationEvent.Kind.STREAM_OPENED, "192.0.2.7:40004", 30)).isEqualTo(30);
    }

    @Test
    void afterTheMinuteSaysHowManyWereLeftOut() {
        admittedOf(FederationEvent.Kind.REFUSED, "192.0.2.7:40001", RefusalThrottle.PER_WINDOW + 42);
        clock.now = clock.now.plus(RefusalThrottle.WINDOW);

        List<FederationEvent> next = throttle.admit(event(FederationEvent.Kind.REFUSED, "198.51.100.1:5000"));

        assertThat(next).hasSize(2);
        assertThat(next.get(0).detail()).isEqualTo("42 more refusals from 192.0.2.7 within a minute were not recorded one by one");
        assertThat(next.get(0).remoteDomain()).isEqualTo("evil.test");
        assertThat(next.get(1).remoteAddress()).isEqualTo("198.51.100.1:5000");
        assertThat(admittedOf(FederationEvent.Kind.REFUSED, "192.0.2.7:40001", 1)).isEqualTo(1);
    }
}
