package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * IQ requests from a real Prosody user's client over federation: Parley answers every one, service discovery with
 * its identity and features, everything else (and anything for a user) with service-unavailable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerIqIT {

    private static final String PROSODY = "prosody.iq.test";
    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;

    private static RealPeers prosody;
    private static XmppUser tina;

    @BeforeAll
    static void start() throws Exception {
        prosody = RealPeers.prosody(PROSODY, PLAIN);
        tina = prosody.user("tina", "secret-tina");
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on());
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        for (AutoCloseable resource : new AutoCloseable[] {tina, prosody}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    @Test
    void theServerAnswersServiceDiscovery() {
        assertThat(tina.discoverInfo(ItEnvironment.XMPP_DOMAIN)).contains("server/im",
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "urn:xmpp:ping");
    }

    @Test
    void everyOtherRequestGetsServiceUnavailable() {
        assertThat(tina.askVersion(ItEnvironment.XMPP_DOMAIN)).isEqualTo("service-unavailable");
        assertThat(tina.askVersion(ItEnvironment.localUser("alice") + "/desk")).isEqualTo("service-unavailable");
    }
}
