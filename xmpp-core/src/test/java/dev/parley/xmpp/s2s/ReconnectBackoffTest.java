package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** After a session fails to open, stanzas for its domain bounce at once for a growing while, not hammering the peer. */
@Timeout(30)
class ReconnectBackoffTest {

    private static final SessionHealth QUICK_RETRY = SessionHealth.DEFAULTS
            .withRetryAfter(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inbox = new Inbox();
    private final Inbox inboxB = new Inbox();
    private S2sEngine engine;
    private S2sEngine b;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void bouncesAtOnceWithTheRememberedReasonWithinTheWindow() throws IOException, InterruptedException {
        dns.register("down.test", closedPort());
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withHealth(QUICK_RETRY), inbox);
        engine.send(Stanzas.message("alice@a.test", "bob@down.test", "m1", "first"));
        XmlElement first = inbox.next();

        engine.send(Stanzas.message("alice@a.test", "bob@down.test", "m2", "second"));
        XmlElement second = inbox.drain().stream().findFirst()
                .orElseThrow(() -> new AssertionError("not bounced at once"));

        assertThat(Stanzas.errorCondition(second)).isEqualTo(Stanzas.errorCondition(first))
                .isEqualTo("remote-server-not-found");
        assertThat(second.attribute("id")).hasValue("m2");
        assertThat(Stanzas.errorText(second)).startsWith(Stanzas.errorText(first))
                .containsPattern("\\(retrying after \\d\\d:\\d\\d:\\d\\d UTC\\)");
        assertThat(engine.recentFailures()).as("one attempt, not two").singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("retrying after"));
    }

    @Test
    void connectsAgainAfterTheWindow() throws IOException, InterruptedException {
        dns.register("b.test", closedPort());
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withHealth(QUICK_RETRY), inbox);
        dns.register("a.test", engine.localAddress().getPort());
        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "while down"));
        assertThat(Stanzas.errorCondition(inbox.next())).isEqualTo("remote-server-not-found");
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        dns.register("b.test", b.localAddress().getPort());

        Thread.sleep(600);
        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "back up"));

        assertThat(Stanzas.body(inboxB.next())).isEqualTo("back up");
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void aDomainThatConnectsToUsEndsItsBackOffAtOnce() throws IOException, InterruptedException {
        dns.register("b.test", closedPort());
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withHealth(SessionHealth.DEFAULTS.withRetryAfter(Duration.ofMinutes(5), Duration.ofMinutes(5))), inbox);
        dns.register("a.test", engine.localAddress().getPort());
        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "while down"));
        assertThat(Stanzas.errorCondition(inbox.next())).isEqualTo("remote-server-not-found");

        // B comes back (its certificate fixed, say) and writes to A first: A sees that it is up.
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        dns.register("b.test", b.localAddress().getPort());
        b.send(Stanzas.message("bob@b.test", "alice@a.test", "m2", "I am back"));
        assertThat(Stanzas.body(inbox.next())).isEqualTo("I am back");

        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m3", "welcome back"));

        assertThat(Stanzas.body(inboxB.next())).as("tried at once, five minutes early").isEqualTo("welcome back");
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void windowDoublesWithEachFailureInARowUpToTheMaximumAndResetsOnSuccess() {
        MutableClock clock = new MutableClock();
        RetryBackoff backoff = new RetryBackoff(() -> SessionHealth.DEFAULTS.withRetryAfter(Duration.ofSeconds(5),
                Duration.ofSeconds(15)), clock);

        assertThat(backoff.failed("x.test", StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "slow").window())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.refusal("x.test")).hasValueSatisfying(refusal -> {
            assertThat(refusal.condition()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
            assertThat(refusal.text()).isEqualTo("slow (retrying after 00:00:05 UTC)");
        });
        clock.advance(Duration.ofSeconds(5));
        assertThat(backoff.refusal("x.test")).as("window over").isEmpty();
        assertThat(backoff.failed("x.test", StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "slow").window())
                .isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(backoff.failed("x.test", StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "slow").window())
                .isEqualTo(Duration.ofSeconds(15));

        backoff.succeeded("x.test");

        assertThat(backoff.refusal("x.test")).isEmpty();
        assertThat(backoff.failed("x.test", StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "slow").window())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.refusal("y.test")).as("per domain").isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** A clock the test moves by hand, from the epoch. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.EPOCH;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
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
}
