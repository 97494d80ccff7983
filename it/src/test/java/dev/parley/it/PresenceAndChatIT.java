package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A local user and a real Prosody or ejabberd user's client (Smack) federate as people would: subscriptions both ways, presence
 * changes seen on both sides as far as the authorization level shows them, chat both ways, errors shown to the sender.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceAndChatIT {

    private static final String PROSODY = "prosody.presence.test";
    private static final String EJABBERD = "ejabberd.presence.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RealPeers peers;
    private static long authorization;

    @BeforeAll
    static void start() throws Exception {
        peers = RealPeers.prosodyAndEjabberd(PROSODY, EJABBERD, PeerSecurity.NO_TLS_DIALBACK);
        ParleyAdmin.revokeTestAuthorizations();
        authorization = ParleyAdmin.authorize(PROSODY, "PERSONAL", null);
        ParleyAdmin.authorize(EJABBERD, "PERSONAL", null);
        ParleyAdmin.restartFederation(Federation.on());
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
    void subscriptionsBothWaysAndPresenceSeenOnBothSidesWithProsody() throws Exception {
        subscriptionsBothWaysAndPresenceSeenOnBothSides(PROSODY);
    }

    @Test
    void subscriptionsBothWaysAndPresenceSeenOnBothSidesWithEjabberd() throws Exception {
        subscriptionsBothWaysAndPresenceSeenOnBothSides(EJABBERD);
    }

    private static void subscriptionsBothWaysAndPresenceSeenOnBothSides(String server) throws Exception {
        String alice = ItEnvironment.localUser("alice");
        LocalUserApi aliceApi = new LocalUserApi(alice);
        try (XmppUser tina = peers.user(server, "tina", "secret-tina")) {
            tina.approveSubscriptionRequests();
            assertThat(aliceApi.setPresence("AVAILABLE", null).statusCode()).isEqualTo(200);

            // alice asks to see tina; tina's client approves; tina's presence reaches alice.
            HttpResponse<String> added = aliceApi.addContact(tina.jid());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            Eventually.equals("alice's subscription to tina", () -> aliceApi.subscription(tina.jid()), "TO false false", WAIT);
            Eventually.equals("tina as alice sees her", () -> aliceApi.presenceOf(tina.jid()), "AVAILABLE", WAIT);

            tina.announce("away", "back at 2");
            Eventually.equals("tina away", () -> aliceApi.presenceOf(tina.jid()), "AWAY / back at 2", WAIT);

            // tina asks to see alice; alice approves; alice's presence and its changes reach tina, status included.
            tina.requestSubscription(alice);
            Eventually.equals("tina's request waits for alice", () -> aliceApi.subscription(tina.jid()), "TO false true",
                    WAIT);
            HttpResponse<String> approved = aliceApi.approve(tina.jid());
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            Eventually.equals("both ways", () -> aliceApi.subscription(tina.jid()), "BOTH false false", WAIT);
            Eventually.equals("tina's roster", () -> tina.subscription(alice), "both", WAIT);
            Eventually.equals("alice as tina sees her", () -> tina.presenceOf(alice), "available", WAIT);

            aliceApi.setPresence("DND", "In a meeting until 3");
            Eventually.equals("alice busy", () -> tina.presenceOf(alice), "dnd / In a meeting until 3", WAIT);

            aliceApi.setPresence("UNAVAILABLE", null);
            Eventually.equals("alice signed out", () -> tina.presenceOf(alice), "unavailable", WAIT);
        }
    }

    @Test
    void eachLevelShowsItsPresenceDetail() throws Exception {
        String bob = ItEnvironment.localUser("bob");
        LocalUserApi bobApi = new LocalUserApi(bob);
        try (XmppUser uma = peers.user(PROSODY, "uma", "secret-uma")) {
            uma.approveSubscriptionRequests();
            bobApi.setPresence("AVAILABLE", null);
            uma.requestSubscription(bob);
            Eventually.equals("uma's request", () -> bobApi.subscription(uma.jid()), "NONE false true", WAIT);
            bobApi.approve(uma.jid());
            Eventually.equals("bob as uma sees him", () -> uma.presenceOf(bob), "available", WAIT);

            try {
                ParleyAdmin.changeLevel(authorization, "TEAM_MEMBER");
                bobApi.setPresence("DND", "writing the budget");
                Eventually.equals("TEAM_MEMBER: detail and note", () -> uma.presenceOf(bob), "dnd / writing the budget",
                        WAIT);

                ParleyAdmin.changeLevel(authorization, "BUSINESS");
                Eventually.equals("a lower level applies to what uma saw at once", () -> uma.presenceOf(bob), "dnd",
                        WAIT);
                bobApi.setPresence("AWAY", "lunch");
                Eventually.equals("BUSINESS: detail, no note", () -> uma.presenceOf(bob), "away", WAIT);

                ParleyAdmin.changeLevel(authorization, "PUBLIC");
                bobApi.setPresence("XA", "gone home");
                bobApi.setPresence("UNAVAILABLE", null);
                Eventually.equals("bob signed out", () -> uma.presenceOf(bob), "unavailable", WAIT);
                bobApi.setPresence("AWAY", "coffee");
                Eventually.equals("PUBLIC: available, nothing more", () -> uma.presenceOf(bob), "available", WAIT);
            } finally {
                ParleyAdmin.changeLevel(authorization, "PERSONAL");
            }
        }
    }

    @Test
    void chatBothWaysWithProsodyAndAnUnreachableDomainsErrorShownToTheSender() throws Exception {
        String carol = ItEnvironment.localUser("carol");
        LocalUserApi carolApi = new LocalUserApi(carol);
        chatBothWays(carolApi, carol, PROSODY);
        ParleyAdmin.authorize("nowhere.test", "PUBLIC", null);
        assertThat(carolApi.send("someone@nowhere.test", "anyone?").statusCode()).isEqualTo(202);
        Eventually.equals("the error reached carol", () -> carolApi.messages().stream()
                .filter(message -> "error".equals(message.getString("type")))
                .anyMatch(message -> message.getString("from").equals("someone@nowhere.test")), true, WAIT);
    }

    @Test
    void chatBothWaysWithEjabberd() throws Exception {
        String carl = ItEnvironment.localUser("carl");
        chatBothWays(new LocalUserApi(carl), carl, EJABBERD);
    }

    /**
     * A message each way between a local user and a new user of {@code server}, the local user offline throughout; an
     * enterprise application subscribed to the feed gets a copy of what reached the local user.
     */
    private static void chatBothWays(LocalUserApi localApi, String local, String server) throws Exception {
        try (XmppUser vera = peers.user(server, "vera", "secret-vera");
             ParleyJms integrator = ParleyJms.connect();
             JMSContext jms = integrator.session();
             JMSConsumer feed = jms.createConsumer(jms.createTopic(ParleyJms.FROM_FEDERATION_FEED))) {
            HttpResponse<String> sent = localApi.send(vera.jid(), "Hello from Parley");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            assertThat(vera.awaitMessage(local, WAIT)).isEqualTo("Hello from Parley");

            String answer = "Hello from " + server + " " + UUID.randomUUID();
            vera.send(local, answer);
            Eventually.equals("vera's answer kept for the offline user", () -> localApi.messages().stream()
                    .anyMatch(message -> message.getString("xml").contains(answer)), true, WAIT);
            Message copy = ParleyJms.receiveContaining(feed, answer);
            assertThat(copy).as("the integrator's copy on the feed").isNotNull();
            assertThat(copy.getStringProperty("xmppTo")).startsWith(local);
            assertThat(localApi.conversation(vera.jid())).extracting(message -> message.getString("direction"))
                    .containsExactly("in", "out");
            assertThat(localApi.conversation("someone-else@" + server)).isEmpty();
        }
    }

    @Test
    void aUsersClientsChangingPresenceAndContactsAtOnceAreServedOneAfterAnother() throws Exception {
        LocalUserApi fay = new LocalUserApi(ItEnvironment.localUser("fay"));
        String contact = "zed@" + PROSODY;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String status = "client " + i;
                answers.add(clients.submit(i % 2 == 0 ? () -> fay.setPresence("AWAY", status)
                        : () -> fay.addContact(contact)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
                assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(fay.contacts()).filteredOn(item -> item.getString("jid").equals(contact)).hasSize(1);
    }

    @Test
    void badRequestsAreRefusedAndNobodyActsForAnother() throws Exception {
        String dora = ItEnvironment.localUser("dora");
        LocalUserApi doraApi = new LocalUserApi(dora);

        assertThat(doraApi.addContact("not a jid").statusCode()).isEqualTo(400);
        assertThat(doraApi.addContact(PROSODY).statusCode()).as("a server is no contact").isEqualTo(400);
        assertThat(doraApi.addContact(dora).statusCode()).as("nor is oneself").isEqualTo(400);
        HttpResponse<String> unauthorized = doraApi.addContact("eve@unauthorized.test");
        assertThat(unauthorized.statusCode()).isEqualTo(400);
        assertThat(unauthorized.body()).contains("does not federate with unauthorized.test");
        assertThat(doraApi.approve("stranger@" + PROSODY).statusCode()).isEqualTo(404);

        HttpResponse<String> oversized = doraApi.send("tina@" + PROSODY, "x".repeat(10_001));
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("at most 10000");
        HttpResponse<String> spoofed = doraApi.http().post(LocalUserApi.MESSAGES,
                "{\"from\": \"admin@" + ItEnvironment.XMPP_DOMAIN + "\", \"to\": \"tina@" + PROSODY + "\", \"body\": \"hi\"}");
        assertThat(spoofed.statusCode()).isEqualTo(400);
        assertThat(spoofed.body()).contains("Unknown field 'from'");
        assertThat(doraApi.setPresence("SLEEPING", null).statusCode()).isEqualTo(400);
        assertThat(doraApi.messages()).isEmpty();
        JsonObject presence = (JsonObject) ParleyHttp.json(doraApi.http().get(LocalUserApi.PRESENCE));
        assertThat(presence.getString("availability")).isEqualTo("UNAVAILABLE");
    }
}
