package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link S2sEngine#ping}: an administrator's XEP-0199 ping goes over the normal outbound session, learns how it
 * authenticated and how long the answer took, bounces like a stanza where a stanza would, and neither it nor its
 * answer (not even a late one) ever reaches the host.
 */
@Timeout(30)
class RequestedPingTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private S2sEngine start(String domain, Inbox inbox, RemoteDomainPolicy remoteDomains) {
        S2sEngine engine = engines.start(EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRemoteDomains(remoteDomains), inbox);
        dns.register(domain, engine.localAddress().getPort());
        return engine;
    }

    @Test
    void opensASessionAndReportsHowItAuthenticatedAndTheRoundTrip() throws Exception {
        S2sEngine a = start("a.test", inboxA, RemoteDomainPolicy.permitAll());
        start("b.test", inboxB, RemoteDomainPolicy.permitAll());

        PingOutcome first = outcome(a.ping("a.test", "B.test", Duration.ofSeconds(5)));
        PingOutcome second = outcome(a.ping("a.test", "b.test", Duration.ofSeconds(5)));

        assertThat(first).isInstanceOfSatisfying(PingOutcome.Answered.class, answered -> {
            assertThat(answered.authMethod()).isEqualTo(AuthMethod.DIALBACK);
            assertThat(answered.error()).isEmpty();
            assertThat(answered.roundTrip()).isPositive();
        });
        assertThat(second).isInstanceOfSatisfying(PingOutcome.Answered.class, answered ->
                assertThat(answered.sessionReady()).as("the open session carries it at once")
                        .isLessThan(((PingOutcome.Answered) first).sessionReady()));
        assertThat(a.sessions()).filteredOn(session -> session.direction() == SessionDirection.OUTBOUND)
                .singleElement().satisfies(session -> assertThat(session.peerDomains()).containsExactly("b.test"));
        assertThat(inboxA.drain()).as("answers are the ping's, not the host's").isEmpty();
        assertThat(inboxB.drain()).as("the peer engine answers pings itself").isEmpty();
    }

    @Test
    void dropsAnAnswerThatComesAfterTheTimeout() throws Exception {
        S2sEngine a = start("a.test", inboxA, RemoteDomainPolicy.permitAll());
        S2sEngine b = start("b.test", inboxB, RemoteDomainPolicy.permitAll());

        // Far shorter than opening the session: the ping is sent later and answered over b's own new session to a.
        PingOutcome outcome = outcome(a.ping("a.test", "b.test", Duration.ofMillis(1)));
        Sessions.await(() -> b.sessions().stream().anyMatch(session -> session.direction() == SessionDirection.OUTBOUND
                && session.state() == SessionState.AUTHENTICATED && session.stanzasOut() > 0), Duration.ofSeconds(5));
        Thread.sleep(200);

        assertThat(outcome).isEqualTo(new PingOutcome.NotSent(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                "no session to b.test was ready to carry the ping within 1 ms"));
        assertThat(inboxA.drain()).as("the late answer is dropped, not handed to the host").isEmpty();
    }

    @Test
    void bouncesAtOnceForADomainTheRemoteDomainPolicyRefuses() throws Exception {
        S2sEngine a = start("a.test", inboxA, domain -> domain.equals("b.test")
                ? Optional.of("federation with b.test is not authorized on this server") : Optional.empty());
        S2sEngine b = start("b.test", inboxB, RemoteDomainPolicy.permitAll());

        PingOutcome outcome = outcome(a.ping("a.test", "b.test", Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new PingOutcome.NotSent(StanzaErrorCondition.NOT_ALLOWED,
                "federation with b.test is not authorized on this server"));
        assertThat(a.sessions()).isEmpty();
        assertThat(b.sessions()).isEmpty();
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void reportsAConnectionThatFailsAsTheBounceOfAStanza() throws Exception {
        S2sEngine a = start("a.test", inboxA, RemoteDomainPolicy.permitAll());

        PingOutcome outcome = outcome(a.ping("a.test", "nowhere.test", Duration.ofSeconds(5)));

        assertThat(outcome).isInstanceOfSatisfying(PingOutcome.NotSent.class, notSent -> {
            assertThat(notSent.condition()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
            assertThat(notSent.text()).contains("nowhere.test");
        });
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void refusesToPingALocalDomainOrFromAForeignOne() {
        S2sEngine a = start("a.test", inboxA, RemoteDomainPolicy.permitAll());

        assertThatIllegalArgumentException().isThrownBy(() -> a.ping("a.test", "A.test", Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> a.ping("b.test", "c.test", Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> a.ping("a.test", "not a domain", Duration.ofSeconds(1)))
                .withMessageContaining("remoteDomain is not a valid domain");
    }

    private static PingOutcome outcome(java.util.concurrent.CompletionStage<PingOutcome> ping) throws Exception {
        return ping.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
