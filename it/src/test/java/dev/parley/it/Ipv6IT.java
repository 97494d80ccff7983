package dev.parley.it;

import static dev.parley.it.RawS2s.exchange;
import static dev.parley.it.RawS2s.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.ListeningPorts;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parley in WildFly speaks IPv6: it federates with a domain that DNS knows by an AAAA record only, whose server
 * listens on {@code [::1]} alone, and it listens on {@code [::1]} when its bind address says so. WildFly's start
 * script runs the JVM with {@code java.net.preferIPv4Stack=true}, with which neither works; Parley's provisioning
 * turns it off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Ipv6IT {

    private static final InetAddress IPV6_LOOPBACK = ipv6Loopback();
    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final String DOMAIN = "ipv6-only.peers.test";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void messagesGoBothWaysWithADomainReachableOnlyOverIpv6() throws Exception {
        String henry = ItEnvironment.localUser("henry.ipv6");
        // [::1] is every run's: the peer takes free ports there, and its SRV record names the S2S one.
        ListeningPorts ports = ListeningPorts.freeOn(IPV6_LOOPBACK);
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(),
                ProsodyPeer.planAt(IPV6_LOOPBACK, ports, DOMAIN, PLAIN),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             ProsodyPeer prosody = new ProsodyPeer(network, DOMAIN, PLAIN, TestCa.create(network.runDir().resolve("ca")),
                     ports);
             ParleyJms queues = ParleyJms.connect()) {
            prosody.start();
            prosody.register("rita", "rita-secret");
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(DOMAIN, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on());
            try (XmppUser rita = XmppUser.login(prosody, "rita", "rita-secret")) {
                queues.sendChat(henry, rita.jid(), "to you over IPv6");
                assertThat(rita.awaitMessage(henry, DELIVERY)).isEqualTo("to you over IPv6");

                // Prosody reaches Parley's IPv4 address, but Parley checks its dialback key at the domain's
                // authoritative server, which it finds over IPv6 only.
                rita.send(henry, "back to you");
                ParleyAdmin.awaitArchived(henry, message -> message.getString("xml").contains("back to you"), DELIVERY);

                assertThat(ParleyAdmin.federationStatus().getJsonArray("sessions").getValuesAs(JsonObject.class))
                        .as("Parley's own stream to the domain")
                        .anySatisfy(session -> {
                            assertThat(session.getString("direction")).isEqualTo("OUTBOUND");
                            assertThat(session.getJsonArray("remoteDomains").getString(0)).isEqualTo(DOMAIN);
                            assertThat(session.getString("address")).isEqualTo(
                                    "[" + IPV6_LOOPBACK.getHostAddress() + "]:" + ports.s2s());
                        });
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }

    @Test
    void listensOnIpv6LoopbackWhenTheBindAddressSaysSo() throws Exception {
        // ::1 is shared with other runs, so not 5269
        int port = RawS2s.freePort(IPV6_LOOPBACK);

        HttpResponse<String> response = ParleyAdmin.trySettings(Federation.on().withPort(port), "::1");
        try {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ParleyAdmin.federationStatus().getString("listening"))
                    .isEqualTo("[" + IPV6_LOOPBACK.getHostAddress() + "]:" + port);
            String answer = exchange(new InetSocketAddress(IPV6_LOOPBACK, port), header(ItEnvironment.XMPP_DOMAIN),
                    "</stream:features>", "<stream:features/>");
            assertThat(answer).contains("from='" + ItEnvironment.XMPP_DOMAIN + "'").contains("<stream:features");
        } finally {
            ParleyAdmin.settings(Federation.on().off());
        }
    }

    /** {@code [::1]}, from its sixteen bytes. */
    private static InetAddress ipv6Loopback() {
        byte[] address = new byte[16];
        address[15] = 1;
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which sixteen bytes are not
        }
    }
}
