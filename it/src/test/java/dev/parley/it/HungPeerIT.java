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
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    private static final String REMOTE = "hung.peers.test";
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    @Test
    void stanzasWrittenToAServerThatHangsAndIsKilledArriveOnceEachWhenItIsBack() throws Exception {
        String henry = ItEnvironment.localUser("henry.hung");
        List<String> whileHung = IntStream.rangeClosed(1, 20).mapToObj(i -> "while hung " + i).toList();
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), ProsodyPeer.plan(REMOTE, PLAIN),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProsodyPeer prosody = new ProsodyPeer(network, REMOTE, PLAIN, TestCa.create(network.runDir().resolve("ca")));
             ParleyJms queues = ParleyJms.connect()) {
            prosody.start();
            prosody.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(REMOTE, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(600));
            try {
                String rita;
                try (XmppUser ritaBefore = XmppUser.login(prosody, "rita", "rita-secret")) {
                    rita = ritaBefore.jid();
                    queues.sendChat(henry, rita, "before");
                    assertThat(ritaBefore.awaitMessage(henry, DELIVERY)).isEqualTo("before");

                    prosody.freeze();
                    whileHung.forEach(body -> queues.sendChat(henry, rita, body));
                    // Parley writes them to the hung server's socket, where the kernel keeps them unread.
                    Thread.sleep(5_000);
                    prosody.killAbruptly();
                }

                prosody.start();
                try (XmppUser ritaAfter = XmppUser.login(prosody, "rita", "rita-secret")) {
                    Instant deadline = Instant.now().plus(DELIVERY);
                    while (ritaAfter.messagesFrom(henry).size() < whileHung.size() && Instant.now().isBefore(deadline)) {
                        Thread.sleep(500);
                    }
                    // Long enough for a copy to show up behind the last original.
                    Thread.sleep(5_000);
                    assertThat(ritaAfter.messagesFrom(henry)).as("each once").containsExactlyInAnyOrderElementsOf(whileHung);
                }
                assertThat(ParleyAdmin.archived(henry)).as("no bounce to the sender").isEmpty();
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }
}
