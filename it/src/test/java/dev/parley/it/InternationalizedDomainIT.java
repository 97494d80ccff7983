package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProcessPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.IDN;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real Prosody and ejabberd serving an internationalized domain: they know it only by its U-labels in XMPP
 * addresses, DNS only by its A-labels. Parley federates with it both ways, whichever form its users and its
 * administrator write, and shows it to administrators in U-labels.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InternationalizedDomainIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    /** Each server with a domain of its own, authorized as an administrator might type it. */
    enum Remote {
        PROSODY(RealPeers.Kind.PROSODY, "bücher.peers.test", false),
        EJABBERD(RealPeers.Kind.EJABBERD, "café.peers.test", true);

        final RealPeers.Kind kind;
        final String domain;
        final boolean authorizedByALabels;

        Remote(RealPeers.Kind kind, String domain, boolean authorizedByALabels) {
            this.kind = kind;
            this.domain = domain;
            this.authorizedByALabels = authorizedByALabels;
        }

        String aLabels() {
            return IDN.toASCII(domain);
        }

        DomainPlan plan() {
            return kind.plan(domain, PLAIN);
        }

        ProcessPeer peer(PeerNetwork network, TestCa ca) {
            return kind.create(network, domain, PLAIN, ca);
        }
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void messagesGoBothWaysWithAServerOfAnInternationalizedDomain(Remote remote) throws Exception {
        String henry = ItEnvironment.localUser("henry.idn." + remote.name().toLowerCase());
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), remote.plan(),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProcessPeer peer = remote.peer(network, TestCa.create(network.runDir().resolve("ca")));
             ParleyJms queues = ParleyJms.connect()) {
            peer.start();
            peer.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(remote.authorizedByALabels ? remote.aLabels() : remote.domain, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on());
            try (XmppUser rita = XmppUser.login(peer, "rita", "rita-secret")) {
                queues.sendChat(henry, "rita@" + remote.domain, "in U-labels");
                queues.sendChat(henry, "rita@" + remote.aLabels(), "in A-labels");
                // Two MDBs may take the two at once: their order is not this test's concern.
                assertThat(List.of(rita.awaitMessage(henry, DELIVERY), rita.awaitMessage(henry, DELIVERY)))
                        .containsExactlyInAnyOrder("in U-labels", "in A-labels");

                rita.send(henry, "zurück");
                JsonObject answer = ParleyAdmin.awaitArchived(henry,
                        message -> message.getString("xml").contains("zurück"), DELIVERY).stream()
                        .filter(message -> message.getString("xml").contains("zurück")).findFirst().orElseThrow();
                assertThat(answer.getString("type")).isEqualTo("chat");

                JsonObject status = ParleyAdmin.federationStatus();
                assertThat(status.getJsonArray("sessions").getValuesAs(JsonObject.class))
                        .as("administrators read the domain in U-labels")
                        .anySatisfy(session -> assertThat(session.getJsonArray("remoteDomains")
                                .getValuesAs(JsonString.class)).extracting(JsonString::getString)
                                .contains(remote.domain));
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }
}
