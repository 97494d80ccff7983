package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.RealPeers.Kind;
import dev.parley.it.peers.PeerSecurity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stock XMPP server as the proxy: Prosody hosts Parley's domain as an external component (XEP-0114) and holds its
 * S2S streams; Parley, in proxy mode, links to Prosody's component port. A user of that Prosody and an ejabberd user,
 * whose server federates with Prosody for Parley's domain, chat with a local user both ways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProsodyAsProxyIT {

    private static final String PROSODY = "prosody.comphost.test";
    private static final String EJABBERD = "ejabberd.comphost.test";
    private static final String SECRET = "component-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RealPeers peers;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Kind> domains = new LinkedHashMap<>();
        domains.put(PROSODY, Kind.PROSODY);
        domains.put(EJABBERD, Kind.EJABBERD);
        peers = RealPeers.behindProsodyComponentHost(SECRET, PeerSecurity.NO_TLS_DIALBACK, domains);
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PERSONAL", null);
        ParleyAdmin.authorize(EJABBERD, "PERSONAL", null);
        ParleyAdmin.restartFederation(Federation.on().withRetryWindow(120).throughProxy(
                peers.componentHost().getAddress().getHostAddress(), peers.componentHost().getPort(), SECRET));
        Eventually.value("the link to Prosody up", ParleyAdmin::federationStatus,
                status -> !status.isNull("proxyLink") && status.getJsonObject("proxyLink").getBoolean("up"), WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void usersOfTheComponentHostAndOfAServerFederatingWithItChatWithALocalUserBothWays() throws Exception {
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).as("Parley's own S2S port in proxy mode").isFalse();
        for (String server : new String[] {PROSODY, EJABBERD}) {
            Conversations.bothWays(peers, server, "rita", "tom", "Hello through Prosody");
        }
    }
}
