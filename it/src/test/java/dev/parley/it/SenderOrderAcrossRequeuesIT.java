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
 * 500 waiting in order) and, once the server counts as silent, the rest goes back to the queue, to be tried again after
 * the retry delay. The server comes back and the user sends more at once: before the consumer kept each sender's line,
 * those later ones took the places freed first and arrived ahead of the ones on the queue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SenderOrderAcrossRequeuesIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final String REMOTE = "ordered.peers.test";
    private static final int S2S_PORT = 5269;
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    /** More than a silent domain may have in the consumer (500 with the engine, 500 waiting). */
    private static final int BURST = 1_500;
    /**
     * Longer than the consumer gives a domain for its first verdict before it counts as silent (15 s,
     * {@code StanzasInFlight.FIRST_VERDICT_WITHIN}), shorter than the engine's patience with a server that answers
     * nothing (30 s).
     */
    private static final Duration FROZEN = Duration.ofSeconds(18);

    /**
     * A busy server is not a silent one: while the remote server confirms stanzas, a burst beyond the consumer's share
     * waits for room instead of going round the queue (before, the burst's tail went back for the 5 s retry delay and,
     * behind it, everything else the sender sent, and 10,000 stanzas took minutes).
     */
    @Test
    void aBurstToABusyServerWaitsForRoomInsteadOfGoingBackToTheQueue() throws Exception {
        withRitaOnProsody("henry.busy", (henry, peer, rita, queues) -> {
            double retriedBefore = retried();
            List<String> burst = IntStream.rangeClosed(1, 3 * BURST).mapToObj(i -> "busy " + i).toList();
            queues.sendChats(henry, rita.jid(), burst);

            assertThat(awaitFrom(rita, henry, burst.size())).as("what rita got from henry, in the order it came")
                    .containsExactlyElementsOf(burst);
            assertThat(retried() - retriedBefore).as("stanzas sent round the queue for another try").isZero();
        });
    }

    @Test
    void aSendersStanzasArriveInOrderWhenSomeWentBackToTheQueue() throws Exception {
        withRitaOnProsody("henry.ordered", (henry, peer, rita, queues) -> {
            List<String> burst = IntStream.rangeClosed(1, BURST).mapToObj(i -> "burst " + i).toList();
            List<String> later = IntStream.rangeClosed(1, 50).mapToObj(i -> "later " + i).toList();
            double retriedBefore = retried();
            peer.freeze();
            try {
                queues.sendChats(henry, rita.jid(), burst);
                // The consumer takes them all at once, and once the hung server counts as silent, what waits for it
                // beyond its share goes back to the queue.
                Thread.sleep(FROZEN.toMillis());
            } finally {
                peer.thaw();
            }
            assertThat(retried() - retriedBefore).as("stanzas sent back to the queue while the server hung")
                    .isGreaterThanOrEqualTo(BURST - 1_000);
            queues.sendChats(henry, rita.jid(), later);

            List<String> expected = new ArrayList<>(burst);
            expected.addAll(later);
            assertThat(awaitFrom(rita, henry, expected.size())).as("what rita got from henry, in the order it came")
                    .containsExactlyElementsOf(expected);
        });
    }

    /** What {@code henry} and a Prosody user rita, both logged in and federating, do in a test. */
    @FunctionalInterface
    private interface Scenario {
        void run(String henry, ProsodyPeer peer, XmppUser rita, ParleyJms queues) throws Exception;
    }

    /**
     * Runs {@code scenario} with a local user of that name and rita on a Prosody serving {@link #REMOTE}, authorized,
     * with a 600 s retry window and a first message between them delivered; federation off afterwards.
     */
    private static void withRitaOnProsody(String localUser, Scenario scenario) throws Exception {
        String henry = ItEnvironment.localUser(localUser);
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
                scenario.run(henry, peer, rita, queues);
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }

    /** What rita got from {@code henry} once she has {@code count} messages, or after {@link #DELIVERY}. */
    private static List<String> awaitFrom(XmppUser rita, String henry, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        while (rita.messagesFrom(henry).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        return rita.messagesFrom(henry);
    }

    private static double retried() throws Exception {
        return ParleyMetrics.total(ParleyMetrics.scrape(), "parley_stanzas_sent_total", "outcome=\"retried\"");
    }
}
