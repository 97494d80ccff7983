package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadline to authenticate ends only streams that did not: one that authenticated by dialback outlives it (the
 * unauthenticated case is in {@link InboundStreamTerminationTest}, on virtual time).
 */
@Timeout(30)
class AuthenticationDeadlineTest {

    private static final Duration DIALBACK = Duration.ofMillis(500);
    private static final Duration AUTHENTICATION = Duration.ofSeconds(1);

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    @Test
    void anAuthenticatedStreamOutlivesTheDeadline() throws InterruptedException {
        S2sEngine a = engines.start(config("a.test"), inboxA);
        S2sEngine b = engines.start(config("b.test"), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "before the deadline"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("before the deadline");
        String session = inboundSessionAt(b);
        Thread.sleep(AUTHENTICATION.multipliedBy(2).toMillis());
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "after it"));

        assertThat(Stanzas.body(inboxB.next())).isEqualTo("after it");
        assertThat(inboundSessionAt(b)).as("the same stream").isEqualTo(session);
    }

    @Test
    void refusesADeadlineThatLeavesNoRoomForADialbackVerification() {
        assertThatThrownBy(() -> config("a.test").withTimeouts(DIALBACK, AUTHENTICATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the authentication timeout (PT1S) must be longer than the dialback timeout (PT1S)");
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of(domain), dns, dns)
                .withTimeouts(DIALBACK, DIALBACK)
                .withInboundLimits(InboundLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(30), AUTHENTICATION));
    }

    private static String inboundSessionAt(S2sEngine engine) {
        return engine.sessions().stream().filter(session -> session.direction() == SessionDirection.INBOUND)
                .map(SessionInfo::id).findFirst().orElseThrow();
    }
}
