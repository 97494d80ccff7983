package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing the engine drains what authenticated sessions have accepted before ending the streams. */
@Timeout(30)
class GracefulShutdownTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private S2sEngine a;
    private S2sEngine b;

    @Test
    void deliversWhatWaitsOnAnAuthenticatedSessionBeforeClosing() throws InterruptedException {
        a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test", "chat.a.test"), dns, dns)
                .withHealth(SessionHealth.DEFAULTS.withDrainTimeout(Duration.ofSeconds(3))), inboxA);
        b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("chat.a.test", a.localAddress().getPort())
                .register("b.test", b.localAddress().getPort());
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m0", "session up"));
        inboxB.next();

        // These wait on the authenticated stream for chat.a.test's own dialback when close() begins.
        for (int i = 1; i <= 5; i++) {
            a.send(Stanzas.message("room@chat.a.test", "bob@b.test", "m" + i, "queued " + i));
        }
        a.close();

        assertThat(inboxB.next(5)).extracting(Stanzas::body)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5).mapToObj(i -> "queued " + i).toList());
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
        assertThatThrownBy(() -> a.send(Stanzas.message("alice@a.test", "bob@b.test", "late", "too late")))
                .isInstanceOf(IllegalStateException.class);
        Sessions.await(() -> b.sessions().stream().noneMatch(session -> session.direction() == SessionDirection.INBOUND),
                Duration.ofSeconds(5));
    }
}
