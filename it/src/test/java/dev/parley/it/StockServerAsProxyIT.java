package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.RealPeers.Kind;
import dev.parley.it.peers.PeerSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stock XMPP server as the proxy: Prosody or ejabberd hosts Parley's domain as an external component (XEP-0114) and
 * holds its S2S streams; Parley, in proxy mode, links to that server's component port. A user of the component host
 * and a user of the other server, which federates with the host for Parley's domain, chat with a local user both ways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StockServerAsProxyIT {

    private static final String PROSODY = "prosody.comphost.test";
    private static final String EJABBERD = "ejabberd.comphost.test";
    private static final Map<String, Kind> SERVERS = Map.of(PROSODY, Kind.PROSODY, EJABBERD, Kind.EJABBERD);
    private static final String SECRET = "component-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void authorize() throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
        for (String server : SERVERS.keySet()) {
            ParleyAdmin.authorize(server, "PERSONAL", null);
        }
    }

    @AfterAll
    static void restore() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
    }

    @ParameterizedTest(name = "{0} hosting Parley's domain")
    @EnumSource(Kind.class)
    void usersOfTheComponentHostAndOfAServerFederatingWithItChatWithALocalUserBothWays(Kind host) throws Exception {
        String hostDomain = host == Kind.PROSODY ? PROSODY : EJABBERD;
        try (RealPeers peers = RealPeers.behindComponentHost(hostDomain, SECRET, PeerSecurity.NO_TLS_DIALBACK,
                SERVERS)) {
            ParleyAdmin.restartFederation(Federation.on().withRetryWindow(120).throughProxy(
                    peers.componentHost().getAddress().getHostAddress(), peers.componentHost().getPort(), SECRET));
            Eventually.value("the link to " + host + " up", ParleyAdmin::federationStatus, status ->
                    !status.isNull("proxyLink") && status.getJsonObject("proxyLink").getBoolean("up"), WAIT);
            assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).as("Parley's own S2S port in proxy mode").isFalse();
            for (String server : SERVERS.keySet()) {
                Conversations.bothWays(peers, server, "rita", "tom", "Hello through " + host);
            }
        }
    }
}
