package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams nobody uses are closed cleanly, and the next stanza opens a new one. */
@Timeout(30)
class IdleSessionTest {

    private static final SessionHealth QUICK_IDLE = SessionHealth.DEFAULTS
            .withPing(Duration.ofMillis(300), Duration.ofSeconds(2))
            .withIdleTimeout(Duration.ofMillis(400));

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private S2sEngine a;
    private S2sEngine b;

    @Test
    void closesIdleStreamsBothWaysAndReopensOnTheNextStanza() throws InterruptedException {
        a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withHealth(QUICK_IDLE), inboxA);
        b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns)
                .withHealth(QUICK_IDLE), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "before the pause"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("before the pause");
        assertThat(outboundTo(a, "b.test")).isTrue();

        Sessions.await(() -> !outboundTo(a, "b.test") && !inboundFrom(b, "a.test"), Duration.ofSeconds(5));
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "after the pause"));

        assertThat(Stanzas.body(inboxB.next())).isEqualTo("after the pause");
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
        assertThat(a.recentFailures()).isEmpty();
    }

    private static boolean outboundTo(S2sEngine engine, String domain) {
        return engine.sessions().stream().anyMatch(session -> session.direction() == SessionDirection.OUTBOUND
                && session.peerDomains().contains(domain));
    }

    private static boolean inboundFrom(S2sEngine engine, String domain) {
        return engine.sessions().stream().anyMatch(session -> session.direction() == SessionDirection.INBOUND
                && session.peerDomains().contains(domain));
    }
}
