package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.Tarpit;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One remote domain's slowness is its own: stanzas queued for a domain that accepts connections and never answers
 * (the engine gives up on it only after its timeouts) do not hold up the stanzas queued after them for a healthy
 * domain. Before outbound stopped waiting on the network, every consumer of the outbound queue sat on a tarpitted
 * stanza and the healthy domain's stanzas waited 30 s and more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundDomainIsolationIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final String HEALTHY = "healthy.peers.test";
    private static final String TARPIT = "tarpit.peers.test";
    private static final int S2S_PORT = 5269;
    private static final Duration SESSION_SET_UP = Duration.ofSeconds(30);
    /** Far less than the engine's patience with a silent server, far more than a stanza needs on an open stream. */
    private static final Duration UNDELAYED = Duration.ofSeconds(5);
    private static final int TARPITTED = 3_000;

    @Test
    void aDomainThatNeverAnswersDoesNotDelayStanzasToAnother() throws Exception {
        String henry = ItEnvironment.localUser("henry.isolated");
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), ProsodyPeer.plan(HEALTHY, PLAIN),
                DomainPlan.of(TARPIT, S2S_PORT),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProsodyPeer healthy = new ProsodyPeer(network, HEALTHY, PLAIN, TestCa.create(network.runDir().resolve("ca")));
             Tarpit tarpit = Tarpit.listen(network.address(TARPIT), S2S_PORT);
             ParleyJms queues = ParleyJms.connect()) {
            healthy.start();
            healthy.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(HEALTHY, "PUBLIC", null);
            ParleyAdmin.authorize(TARPIT, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(600));
            try (XmppUser rita = XmppUser.login(healthy, "rita", "rita-secret")) {
                // The healthy domain's session is open before the clock starts: only the waiting is measured.
                queues.sendChat(henry, rita.jid(), "warm-up");
                assertThat(rita.awaitMessage(henry, SESSION_SET_UP)).isEqualTo("warm-up");

                // More than a busy domain may have in the consumer (500 with the engine, 2,000 waiting): the consumer
                // holds the next one until the tarpit has confirmed nothing for 2 s; then all beyond the tarpit's share
                // of 500 goes back to the queue at once, in one commit rather than a wait for the broker's journal each.
                queues.sendChats(henry, "nobody@" + TARPIT,
                        IntStream.rangeClosed(1, TARPITTED).mapToObj(i -> "into the tarpit " + i).toList());
                List<String> healthyOnes = IntStream.rangeClosed(1, 20).mapToObj(i -> "healthy " + i).toList();
                healthyOnes.forEach(body -> queues.sendChat(henry, rita.jid(), body));

                long deadline = System.nanoTime() + UNDELAYED.toNanos();
                while (rita.messagesFrom(henry).size() < healthyOnes.size() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(rita.messagesFrom(henry)).as("what reached %s within %s, queued behind stanzas to %s",
                        HEALTHY, UNDELAYED, TARPIT).containsExactlyInAnyOrderElementsOf(healthyOnes);
                assertThat(tarpit.connections()).as("the tarpit was tried").isPositive();
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }
}
