package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProcessPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A remote server that takes Parley's stanzas and hangs (SIGSTOP), then dies (SIGKILL): it never processed them, so
 * Parley, which counts a stanza delivered only once the server answers a ping written after it, sends them again
 * when the server is back. Before that receipt, the stanzas written to the hung server were lost without a trace
 * (Prosody and ejabberd lose them too).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HungPeerIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    enum Remote {
        PROSODY(RealPeers.Kind.PROSODY, "hung-prosody.peers.test"),
        EJABBERD(RealPeers.Kind.EJABBERD, "hung-ejabberd.peers.test");

        final RealPeers.Kind kind;
        final String domain;

        Remote(RealPeers.Kind kind, String domain) {
            this.kind = kind;
            this.domain = domain;
        }

        DomainPlan plan() {
            return kind.plan(domain, PLAIN);
        }

        /** Hung and killed by the test: a server of its own process. */
        ProcessPeer peer(PeerNetwork network, TestCa ca) {
            return kind.create(network, domain, PLAIN, ca);
        }
    }

    /**
     * Rita logs in to the restarted server. ejabberd keeps its users here in mnesia on a node without a name, so a
     * killed one may or may not have written rita down: then she registers again first.
     */
    private static XmppUser loginAfterCrash(ProcessPeer peer) {
        try {
            return XmppUser.login(peer, "rita", "rita-secret");
        } catch (IllegalStateException forgotten) {
            peer.register("rita", "rita-secret");
            return XmppUser.login(peer, "rita", "rita-secret");
        }
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void stanzasWrittenToAServerThatHangsAndIsKilledArriveOnceEachWhenItIsBack(Remote remote) throws Exception {
        String henry = ItEnvironment.localUser("henry." + remote.name().toLowerCase());
        List<String> whileHung = IntStream.rangeClosed(1, 20).mapToObj(i -> "while hung " + i).toList();
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), remote.plan(),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProcessPeer peer = remote.peer(network, TestCa.create(network.runDir().resolve("ca")));
             ParleyJms queues = ParleyJms.connect()) {
            peer.start();
            peer.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(remote.domain, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(600));
            try {
                String rita;
                try (XmppUser ritaBefore = XmppUser.login(peer, "rita", "rita-secret")) {
                    rita = ritaBefore.jid();
                    queues.sendChat(henry, rita, "before");
                    assertThat(ritaBefore.awaitMessage(henry, DELIVERY)).isEqualTo("before");
                    // Her answer travels behind the server's answer to Parley's ping for "before": once it is here,
                    // "before" is confirmed, and only what follows is at stake.
                    ritaBefore.send(henry, "got it");
                    ParleyAdmin.awaitArchived(henry, message -> message.getString("xml").contains("got it"), DELIVERY);

                    peer.freeze();
                    whileHung.forEach(body -> queues.sendChat(henry, rita, body));
                    // Parley writes them to the hung server's socket, where the kernel keeps them unread.
                    Thread.sleep(5_000);
                    peer.killAbruptly();
                }

                peer.start();
                try (XmppUser ritaAfter = loginAfterCrash(peer)) {
                    Instant deadline = Instant.now().plus(DELIVERY);
                    while (ritaAfter.messagesFrom(henry).size() < whileHung.size() && Instant.now().isBefore(deadline)) {
                        Thread.sleep(500);
                    }
                    // Long enough for a copy to show up behind the last original.
                    Thread.sleep(5_000);
                    assertThat(ritaAfter.messagesFrom(henry)).as("each once").containsExactlyInAnyOrderElementsOf(whileHung);
                }
                assertThat(ParleyAdmin.archived(henry)).as("no bounce to the sender")
                        .noneMatch(message -> "error".equals(message.getString("type", "")));
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }
}
