package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parley in WildFly federating with a real Prosody and a real ejabberd, its own side reached only
 * through the JMS queues and the admin API, as the UC messaging module and an administrator reach it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationWithRealPeersIT {

    private static final PeerSecurity PLAIN = PeerSecurity.NO_TLS_DIALBACK;
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    /** The two remote domains, subdomains of one zone so that a wildcard can cover both. */
    enum Remote {
        PROSODY("prosody.peers.test", "rita"),
        EJABBERD("ejabberd.peers.test", "eddie");

        final String domain;
        final String user;

        Remote(String domain, String user) {
            this.domain = domain;
            this.user = user;
        }
    }

    private static PeerNetwork network;
    private static FederationPeer prosody;
    private static FederationPeer ejabberd;
    private static XmppUser rita;
    private static XmppUser eddie;
    private static ParleyJms queues;

    @BeforeAll
    static void startPeers() {
        network = PeerNetwork.startWithDns(ItEnvironment.dns(),
                ProsodyPeer.plan(Remote.PROSODY.domain, PLAIN), EjabberdPeer.plan(Remote.EJABBERD.domain, PLAIN),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
        TestCa ca = TestCa.create(network.runDir().resolve("ca"));
        prosody = new ProsodyPeer(network, Remote.PROSODY.domain, PLAIN, ca);
        ejabberd = new EjabberdPeer(network, Remote.EJABBERD.domain, PLAIN, ca);
        prosody.start();
        ejabberd.start();
        prosody.register(Remote.PROSODY.user, "secret-" + Remote.PROSODY.user);
        ejabberd.register(Remote.EJABBERD.user, "secret-" + Remote.EJABBERD.user);
        rita = XmppUser.login(prosody, Remote.PROSODY.user, "secret-" + Remote.PROSODY.user);
        eddie = XmppUser.login(ejabberd, Remote.EJABBERD.user, "secret-" + Remote.EJABBERD.user);
        queues = ParleyJms.connect();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        for (AutoCloseable resource : new AutoCloseable[] {queues, rita, eddie, prosody, ejabberd, network}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private static XmppUser user(Remote remote) {
        return remote == Remote.PROSODY ? rita : eddie;
    }

    /** Federation on with both remote domains authorized exactly, every stream fresh. */
    private static void bothAuthorized(Federation federation) throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(Remote.PROSODY.domain, "PUBLIC", null);
        ParleyAdmin.authorize(Remote.EJABBERD.domain, "BUSINESS", null);
        ParleyAdmin.restartFederation(federation);
    }

    private static JsonObject awaitBounce(String sender) throws Exception {
        return ParleyAdmin.awaitArchived(sender, s -> "error".equals(s.getString("type", "")), DELIVERY).stream()
                .filter(s -> "error".equals(s.getString("type", ""))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void messageFromRemoteUserArrivesOnParleysQueueWithItsAddresses(Remote remote) throws Exception {
        bothAuthorized(Federation.on());
        String alice = ItEnvironment.localUser("alice");

        user(remote).send(alice, "hello from " + remote);

        JsonObject arrived = ParleyAdmin.awaitArchived(alice, any -> true, DELIVERY).get(0);
        assertThat(arrived.getString("from")).startsWith(user(remote).jid() + "/");
        assertThat(arrived.getString("to")).isEqualTo(alice);
        assertThat(arrived.getString("type")).isEqualTo("chat");
        assertThat(arrived.getString("xml")).contains("<body>hello from " + remote + "</body>");
        ParleyAdmin.awaitAudit(remote.domain, entry -> "STREAM_OPENED".equals(entry.getString("kind"))
                && "INBOUND".equals(entry.getString("direction")), DELIVERY);
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void stanzaOnParleysOutboundQueueReachesTheRemoteUser(Remote remote) throws Exception {
        bothAuthorized(Federation.on());
        String bob = ItEnvironment.localUser("bob");

        queues.sendChat(bob, user(remote).jid(), "hello " + remote + " from the UC side");

        assertThat(user(remote).awaitMessage(bob, DELIVERY)).isEqualTo("hello " + remote + " from the UC side");
        ParleyAdmin.awaitAudit(remote.domain, entry -> "STREAM_OPENED".equals(entry.getString("kind"))
                && "OUTBOUND".equals(entry.getString("direction")), DELIVERY);
        assertThat(ParleyAdmin.federationStatus().getJsonArray("sessions").getValuesAs(JsonObject.class))
                .anySatisfy(session -> {
                    assertThat(session.getString("direction")).isEqualTo("OUTBOUND");
                    assertThat(session.getJsonArray("remoteDomains").getString(0)).isEqualTo(remote.domain);
                    assertThat(session.getString("authMethod")).isEqualTo("DIALBACK");
                });
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void aThousandMessagesFromOneSenderArriveOnceEachInOrderAcrossAForcedReconnect(Remote remote) throws Exception {
        bothAuthorized(Federation.on());
        String carol = ItEnvironment.localUser("carol." + remote.name().toLowerCase());
        List<String> bodies = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "in order " + i).toList();
        queues.sendChat(carol, user(remote).jid(), "opening");
        assertThat(user(remote).awaitMessage(carol, DELIVERY)).isEqualTo("opening");

        bodies.subList(0, 500).forEach(body -> queues.sendChat(carol, user(remote).jid(), body));
        JsonObject outbound = ParleyAdmin.federationStatus().getJsonArray("sessions").getValuesAs(JsonObject.class)
                .stream().filter(session -> session.getString("direction").equals("OUTBOUND")
                        && session.getJsonArray("remoteDomains").getString(0).equals(remote.domain))
                .findFirst().orElseThrow();
        HttpResponse<String> closed = ParleyHttp.asAdmin().delete(ParleyHttp.app("/api/admin/federation/sessions/"
                + outbound.getString("id")));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        bodies.subList(500, 1_000).forEach(body -> queues.sendChat(carol, user(remote).jid(), body));

        Eventually.value("all 1,000 at " + remote, () -> user(remote).messagesFrom(carol),
                arrived -> arrived.size() >= bodies.size(), Duration.ofSeconds(120));
        // Long enough for a copy to show up behind the last original.
        Thread.sleep(3_000);
        // In order at the seam too: the new stream writes nothing before the closed one's last receipt (the remote server
        // reads the two in parallel; once Prosody showed 502 before 501).
        assertThat(user(remote).messagesFrom(carol)).as("each once, in order").containsExactlyElementsOf(bodies);
    }

    @Test
    void domainWithoutAuthorizationIsRefusedBothWays() throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(Remote.PROSODY.domain, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on());
        String carol = ItEnvironment.localUser("carol");
        String dave = ItEnvironment.localUser("dave");

        queues.sendChat(carol, eddie.jid(), "you should never see this");
        JsonObject bounce = awaitBounce(carol);
        assertThat(bounce.getString("from")).isEqualTo(eddie.jid());
        assertThat(bounce.getString("xml")).contains("not-allowed").contains(Remote.EJABBERD.domain);

        eddie.send(dave, "let me in");
        assertThat(eddie.awaitError(dave, DELIVERY)).isNotEmpty();
        JsonObject refusal = ParleyAdmin.awaitAudit(Remote.EJABBERD.domain,
                entry -> "REFUSED".equals(entry.getString("kind")) && "INBOUND".equals(entry.getString("direction")),
                DELIVERY);
        assertThat(refusal.getString("detail")).contains(Remote.EJABBERD.domain).contains("not authorized");
        assertThat(ParleyAdmin.archived(dave)).isEmpty();

        // The authorized domain is not affected.
        queues.sendChat(carol, rita.jid(), "still there?");
        assertThat(rita.awaitMessage(carol, DELIVERY)).isEqualTo("still there?");
    }

    @Test
    void wildcardCoversSubdomainsAndAnExactBlockedEntryBeatsIt() throws Exception {
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize("*.peers.test", "PUBLIC", null);
        ParleyAdmin.authorize(Remote.EJABBERD.domain, "BLOCKED", null);
        ParleyAdmin.restartFederation(Federation.on());
        String erin = ItEnvironment.localUser("erin");

        queues.sendChat(erin, rita.jid(), "covered by the wildcard");
        assertThat(rita.awaitMessage(erin, DELIVERY)).isEqualTo("covered by the wildcard");

        queues.sendChat(erin, eddie.jid(), "blocked");
        JsonObject bounce = awaitBounce(erin);
        assertThat(bounce.getString("from")).isEqualTo(eddie.jid());
        assertThat(bounce.getString("xml")).contains("not-allowed").contains("blocked");
        assertThat(eddie.messagesFrom(erin)).isEmpty();
    }

    @Test
    void perDomainTlsOverrideBeatsTheGlobalPolicy() throws Exception {
        // Both peers speak plain S2S only: the global policy (TLS or nothing) shuts them out unless
        // their authorization says otherwise; Prosody's does.
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(Remote.PROSODY.domain, "PUBLIC", "OPTIONAL");
        ParleyAdmin.authorize(Remote.EJABBERD.domain, "PUBLIC", null);
        ParleyAdmin.restartFederation(Federation.on().withTlsPolicy("REQUIRED_IGNORE_CERT_ERRORS"));
        String frank = ItEnvironment.localUser("frank");

        queues.sendChat(frank, rita.jid(), "plain text is fine for prosody");
        assertThat(rita.awaitMessage(frank, DELIVERY)).isEqualTo("plain text is fine for prosody");

        queues.sendChat(frank, eddie.jid(), "needs TLS");
        JsonObject bounce = awaitBounce(frank);
        assertThat(bounce.getString("from")).isEqualTo(eddie.jid());
        assertThat(bounce.getString("xml")).containsIgnoringCase("TLS");
        assertThat(eddie.messagesFrom(frank)).isEmpty();
    }

    @Test
    void withPrivateFederationOffAPeerAtALoopbackAddressIsNotConnectedToAndTheSenderHearsWhy() throws Exception {
        bothAuthorized(Federation.on().publicAddressesOnly());
        String ivy = ItEnvironment.localUser("ivy");

        queues.sendChat(ivy, rita.jid(), "into the company network?");

        JsonObject bounce = awaitBounce(ivy);
        assertThat(bounce.getString("from")).isEqualTo(rita.jid());
        assertThat(bounce.getString("xml")).contains("remote-server-not-found")
                .contains("a loopback address (private federation is off)");
        assertThat(ParleyAdmin.federationStatus().getJsonArray("recentFailures").toString())
                .contains("a loopback address (private federation is off)");
        assertThat(rita.messagesFrom(ivy)).isEmpty();
    }

    @Test
    void switchingFederationOffAndOnTakesEffectWithoutRedeploy() throws Exception {
        bothAuthorized(Federation.on());
        String grace = ItEnvironment.localUser("grace");
        queues.sendChat(grace, rita.jid(), "before");
        assertThat(rita.awaitMessage(grace, DELIVERY)).isEqualTo("before");

        ParleyAdmin.settings(Federation.on().off());
        rita.send(grace, "anyone home?");
        assertThat(rita.awaitError(grace, DELIVERY)).isNotEmpty();
        queues.sendChat(grace, rita.jid(), "while off");
        assertThat(awaitBounce(grace).getString("xml")).contains("service-unavailable");

        ParleyAdmin.settings(Federation.on());
        rita.send(grace, "back again?");
        assertThat(ParleyAdmin.awaitArchived(grace, s -> s.getString("xml").contains("back again?"), DELIVERY))
                .noneMatch(s -> s.getString("xml").contains("anyone home?"));
        queues.sendChat(grace, rita.jid(), "after");
        assertThat(rita.awaitMessage(grace, DELIVERY)).isEqualTo("after");
        assertThat(rita.messagesFrom(grace)).doesNotContain("while off");
    }
}
