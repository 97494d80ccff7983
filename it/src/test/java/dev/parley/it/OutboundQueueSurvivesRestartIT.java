package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound stanzas for a remote domain that is down wait on the persistent JMS queue, not in
 * memory: a full server restart loses none of them. Once the domain is up each arrives exactly
 * once; if it stays down past the retry window, each comes back to its sender as an error, once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundQueueSurvivesRestartIT {

    private static final String SERVER = "parley-restartable";
    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration RETRY_CYCLE = Duration.ofSeconds(120);

    @ArquillianResource
    ContainerController server;

    private static PeerNetwork network(String... remoteDomains) {
        DomainPlan[] plans = new DomainPlan[remoteDomains.length + 1];
        for (int i = 0; i < remoteDomains.length; i++) {
            plans[i] = ProsodyPeer.plan(remoteDomains[i], PLAIN);
        }
        plans[remoteDomains.length] = DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                .at(ItEnvironment.loopback(ItEnvironment.address()));
        return PeerNetwork.startWithDns(ItEnvironment.dns(), plans);
    }

    @Test
    void stanzasQueuedForADownDomainAreDeliveredExactlyOnceAfterARestart() throws Exception {
        String remote = "later.peers.test";
        List<String> bodies = IntStream.rangeClosed(1, 5).mapToObj(i -> "queued " + i).toList();
        try (PeerNetwork network = network(remote);
             ProsodyPeer prosody = new ProsodyPeer(network, remote, PLAIN, TestCa.create(network.runDir().resolve("ca")))) {
            server.start(SERVER);
            String henry = ItEnvironment.localUser("henry");
            try {
                ParleyAdmin.revokeTestAuthorizations();
                ParleyAdmin.authorize(remote, "PUBLIC", null);
                ParleyAdmin.restartFederation(Federation.on().withRetryWindow(3600));
                try (ParleyJms queues = ParleyJms.connect()) {
                    bodies.forEach(body -> queues.sendChat(henry, "rita@" + remote, body));
                }
                // The domain's address has no server: each stanza is tried, fails, and waits for its next try.
                ParleyAdmin.awaitAudit(remote, entry -> "CONNECTION_FAILED".equals(entry.getString("kind")),
                        Duration.ofSeconds(30));
                server.stop(SERVER);

                prosody.start();
                prosody.register("rita", "rita-secret");
                try (XmppUser rita = XmppUser.login(prosody, "rita", "rita-secret")) {
                    server.start(SERVER);
                    Instant deadline = Instant.now().plus(RETRY_CYCLE);
                    while (rita.messagesFrom(henry).size() < bodies.size() && Instant.now().isBefore(deadline)) {
                        Thread.sleep(500);
                    }
                    // Long enough for a duplicate to show up behind the last original.
                    Thread.sleep(10_000);
                    assertThat(rita.messagesFrom(henry)).containsExactlyInAnyOrderElementsOf(bodies);
                    assertThat(ParleyAdmin.archived(henry)).as("bounces to the sender").isEmpty();
                }
            } finally {
                server.stop(SERVER);
            }
        }
    }

    @Test
    void stanzasForADomainThatStaysDownBounceOnceTheRetryWindowEnds() throws Exception {
        String remote = "gone.peers.test";
        try (PeerNetwork network = network(remote)) {
            server.start(SERVER);
            String ivy = ItEnvironment.localUser("ivy");
            try {
                ParleyAdmin.revokeTestAuthorizations();
                ParleyAdmin.authorize(remote, "PUBLIC", null);
                ParleyAdmin.restartFederation(Federation.on().withRetryWindow(20));
                try (ParleyJms queues = ParleyJms.connect()) {
                    queues.sendChat(ivy, "nobody@" + remote, "into the void");
                }

                List<JsonObject> bounces = ParleyAdmin.awaitArchived(ivy, any -> true, RETRY_CYCLE);
                Thread.sleep(10_000);

                assertThat(ParleyAdmin.archived(ivy)).hasSize(1);
                JsonObject bounce = bounces.get(0);
                assertThat(bounce.getString("type")).isEqualTo("error");
                assertThat(bounce.getString("from")).isEqualTo("nobody@" + remote);
                assertThat(bounce.getString("xml")).contains("remote-server-").contains("into the void")
                        .contains("given up after");
            } finally {
                server.stop(SERVER);
            }
        }
    }
}
