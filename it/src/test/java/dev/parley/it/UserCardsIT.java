package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a real Prosody (and ejabberd) user's client learns about a local user over federation, at each level of the Prosody domain's
 * authorization: exactly the vCard fields that level allows; nothing about users that do not exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserCardsIT {

    private static final String PROSODY = "prosody.cards.test";
    private static final String EJABBERD = "ejabberd.cards.test";
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    private static RealPeers peers;
    private static XmppUser tina;
    private static XmppUser eddie;
    private static long authorization;
    private static long ejabberdAuthorization;
    private static String alice;

    @BeforeAll
    static void start() throws Exception {
        peers = RealPeers.prosodyAndEjabberd(PROSODY, EJABBERD, PeerSecurity.NO_TLS_DIALBACK);
        tina = peers.user(PROSODY, "tina", "secret-tina");
        eddie = peers.user(EJABBERD, "eddie", "secret-eddie");
        ParleyAdmin.revokeTestAuthorizations();
        authorization = ParleyAdmin.authorize(PROSODY, "PUBLIC", null);
        ejabberdAuthorization = ParleyAdmin.authorize(EJABBERD, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on());
        alice = ParleyUsers.create(Json.createObjectBuilder()
                .add("userName", "alice-" + UUID.randomUUID()).add("displayName", "Alice Liddell")
                .add("title", "Head of Sales").add("company", "Parley Corp").add("department", "Sales EMEA")
                .add("businessPhones", Json.createArrayBuilder().add("+41 44 123 45 67"))
                .add("email", "alice@corp.example").add("mobile", "+41 79 123 45 67")
                .add("privatePhone", "+41 44 765 43 21")
                .add("photo", Json.createObjectBuilder().add("type", "image/png")
                        .add("data", Base64.getEncoder().encodeToString(PHOTO))));
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        for (AutoCloseable resource : new AutoCloseable[] {tina, eddie, peers}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    @Test
    void eachLevelShowsExactlyItsFields() throws Exception {
        String photo = Base64.getEncoder().encodeToString(PHOTO);

        ParleyAdmin.changeLevel(authorization, "PUBLIC");
        assertThat(tina.readVCard(alice)).contains("Alice Liddell", "Head of Sales", "Parley Corp", "+41 44 123 45 67",
                "alice@corp.example").doesNotContain("Sales EMEA", "+41 79 123 45 67", "+41 44 765 43 21", photo);

        ParleyAdmin.changeLevel(authorization, "BUSINESS");
        assertThat(tina.readVCard(alice)).contains("Alice Liddell", "Head of Sales", "alice@corp.example")
                .doesNotContain("Sales EMEA", "+41 79 123 45 67", "+41 44 765 43 21", photo);

        ParleyAdmin.changeLevel(authorization, "TEAM_MEMBER");
        assertThat(tina.readVCard(alice)).contains("Alice Liddell", "Sales EMEA", "+41 79 123 45 67")
                .doesNotContain("+41 44 765 43 21", photo);

        ParleyAdmin.changeLevel(authorization, "PERSONAL");
        assertThat(tina.readVCard(alice)).contains("Alice Liddell", "Sales EMEA", "+41 79 123 45 67",
                "+41 44 765 43 21", photo);
    }

    @Test
    void anEjabberdUserReadsTheSameFieldsPerLevel() throws Exception {
        String photo = Base64.getEncoder().encodeToString(PHOTO);

        ParleyAdmin.changeLevel(ejabberdAuthorization, "PUBLIC");
        assertThat(eddie.readVCard(alice)).contains("Alice Liddell", "Head of Sales", "alice@corp.example")
                .doesNotContain("Sales EMEA", "+41 79 123 45 67", "+41 44 765 43 21", photo);

        ParleyAdmin.changeLevel(ejabberdAuthorization, "PERSONAL");
        assertThat(eddie.readVCard(alice)).contains("Alice Liddell", "Sales EMEA", "+41 79 123 45 67",
                "+41 44 765 43 21", photo);
    }

    @Test
    void aUserIsARegisteredAccountAndAnUnknownOneIsNobody() {
        assertThat(tina.discoverInfo(alice)).contains("account/registered", "vcard-temp");

        String nobody = "nobody-" + UUID.randomUUID() + "@" + ItEnvironment.XMPP_DOMAIN;
        assertThat(tina.readVCard(nobody)).isEqualTo("service-unavailable");
        assertThat(tina.askVersion(alice)).isEqualTo("service-unavailable");
    }

    @Test
    void aMessageToAnUnknownUserComesBackAsServiceUnavailable() {
        String nobody = "nobody-" + UUID.randomUUID() + "@" + ItEnvironment.XMPP_DOMAIN;

        tina.send(nobody, "anyone there?");

        assertThat(tina.awaitError(nobody, Duration.ofSeconds(30))).isEqualTo("service-unavailable");
    }
}
