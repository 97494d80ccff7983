package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One sender's stanzas keep their order when some of them go back to the outbound queue. While a remote server hangs
 * (SIGSTOP), a burst of 1,500 from one user fills the outbound consumer's share for that domain (500 with the engine,
 * 500 waiting in order) and the rest goes back to the queue, to be tried again after the retry delay. The server
 * comes back and the user sends more at once: before the consumer kept each sender's line, those later ones took the
 * places freed first and arrived ahead of the ones on the queue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SenderOrderAcrossRequeuesIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final String REMOTE = "ordered.peers.test";
    private static final int S2S_PORT = 5269;
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    /** More than the consumer's share for one domain with the engine and waiting (500 + 500). */
    private static final int BURST = 1_500;

    /**
     * A busy server is not a silent one: while the remote server confirms stanzas, a burst beyond the consumer's share
     * waits for room instead of going round the queue (before, the burst's tail went back for the 5 s retry delay and,
     * behind it, everything else the sender sent, and 10,000 stanzas took minutes).
     */
    @Test
    void aBurstToABusyServerWaitsForRoomInsteadOfGoingBackToTheQueue() throws Exception {
        String henry = ItEnvironment.localUser("henry.busy");
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), ProsodyPeer.plan(REMOTE, PLAIN),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProsodyPeer peer = new ProsodyPeer(network, REMOTE, PLAIN, TestCa.create(network.runDir().resolve("ca")));
             ParleyJms queues = ParleyJms.connect()) {
            peer.start();
            peer.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(REMOTE, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(600));
            try (XmppUser rita = XmppUser.login(peer, "rita", "rita-secret")) {
                queues.sendChat(henry, rita.jid(), "warm-up");
                assertThat(rita.awaitMessage(henry, DELIVERY)).isEqualTo("warm-up");
                double retriedBefore = retried();

                List<String> burst = IntStream.rangeClosed(1, 3 * BURST).mapToObj(i -> "busy " + i).toList();
                queues.sendChats(henry, rita.jid(), burst);
                Instant deadline = Instant.now().plus(DELIVERY);
                while (rita.messagesFrom(henry).size() < burst.size() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                assertThat(rita.messagesFrom(henry)).as("what rita got from henry, in the order it came")
                        .containsExactlyElementsOf(burst);
                assertThat(retried() - retriedBefore).as("stanzas sent round the queue for another try").isZero();
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }

    private static double retried() throws Exception {
        return ParleyMetrics.total(ParleyMetrics.scrape(), "parley_stanzas_sent_total", "outcome=\"retried\"");
    }

    @Test
    void aSendersStanzasArriveInOrderWhenSomeWentBackToTheQueue() throws Exception {
        String henry = ItEnvironment.localUser("henry.ordered");
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), ProsodyPeer.plan(REMOTE, PLAIN),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProsodyPeer peer = new ProsodyPeer(network, REMOTE, PLAIN, TestCa.create(network.runDir().resolve("ca")));
             ParleyJms queues = ParleyJms.connect()) {
            peer.start();
            peer.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(REMOTE, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(600));
            try (XmppUser rita = XmppUser.login(peer, "rita", "rita-secret")) {
                queues.sendChat(henry, rita.jid(), "warm-up");
                assertThat(rita.awaitMessage(henry, DELIVERY)).isEqualTo("warm-up");

                List<String> burst = IntStream.rangeClosed(1, BURST).mapToObj(i -> "burst " + i).toList();
                List<String> later = IntStream.rangeClosed(1, 50).mapToObj(i -> "later " + i).toList();
                peer.freeze();
                try {
                    queues.sendChats(henry, rita.jid(), burst);
                    // The consumer takes them all at once; what is beyond the domain's share goes back to the queue.
                    Thread.sleep(3_000);
                } finally {
                    peer.thaw();
                }
                queues.sendChats(henry, rita.jid(), later);

                List<String> expected = new ArrayList<>(burst);
                expected.addAll(later);
                Instant deadline = Instant.now().plus(DELIVERY);
                while (rita.messagesFrom(henry).size() < expected.size() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                assertThat(rita.messagesFrom(henry)).as("what rita got from henry, in the order it came")
                        .containsExactlyElementsOf(expected);
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }
}
