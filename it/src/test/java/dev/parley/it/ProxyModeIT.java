package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.RealPeers.Kind;
import dev.parley.it.peers.CuttableRelay;
import dev.parley.it.peers.ParleyProxyPeer;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.XmppUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proxy mode end to end: the Parley XMPP Proxy (its jar, in a JVM of its own) holds the S2S streams of Parley's
 * domain, which the DNS names at the proxy's address; Parley opens no S2S port and reaches it through its link, inside
 * TLS with the proxy's certificate checked. Real Prosody and ejabberd users talk with a local user both ways; an
 * untrusted certificate, a wrong password and a restarted proxy are told clearly, and nothing sent meanwhile is lost
 * or duplicated.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProxyModeIT {

    private static final String PROSODY = "prosody.proxymode.test";
    private static final String EJABBERD = "ejabberd.proxymode.test";
    private static final String SECRET = "proxy-link-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The retry pauses of the link and of the queue together, while the proxy comes back. */
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    /** The proxy's name for Parley: Parley's own domain, which the DNS points at the proxy, as in a DMZ. */
    private static final String PROXY_HOST = ItEnvironment.XMPP_DOMAIN;
    private static final URI TRUSTED_CAS = ParleyHttp.app("/api/admin/trusted-cas");

    private static RealPeers peers;
    private static Federation throughProxy;
    private static long trustedCa;
    private static long ejabberdAuthorization;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Kind> domains = new LinkedHashMap<>();
        domains.put(PROSODY, Kind.PROSODY);
        domains.put(EJABBERD, Kind.EJABBERD);
        peers = RealPeers.behindParleyProxy(SECRET, PeerSecurity.NO_TLS_DIALBACK, domains);
        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(PROSODY, "PERSONAL", null);
        ejabberdAuthorization = ParleyAdmin.authorize(EJABBERD, "PERSONAL", null);
        throughProxy = Federation.on().withRetryWindow(300).throughProxyWithTls(PROXY_HOST, ParleyProxyPeer.LINK_PORT,
                SECRET);
        ParleyAdmin.restartFederation(throughProxy);

        // Parley checks who it links to: until the test CA is trusted, the proxy's certificate is refused.
        JsonObject refused = Eventually.value("the proxy's certificate refused", ParleyAdmin::federationStatus,
                status -> !status.isNull("proxyLink") && !status.getJsonObject("proxyLink").isNull("problem"), WAIT);
        assertThat(refused.getJsonObject("proxyLink").getString("problem")).contains("certification path");
        HttpResponse<String> trusted = ParleyHttp.asAdmin().post(TRUSTED_CAS, Json.createObjectBuilder()
                .add("pem", Files.readString(peers.ca().certificateFile())).build().toString());
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
        trustedCa = ((JsonObject) ParleyHttp.json(trusted)).getJsonNumber("id").longValue();
        ParleyAdmin.settings(throughProxy);
        awaitLink(true, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        if (trustedCa != 0) {
            ParleyHttp.asAdmin().delete(URI.create(TRUSTED_CAS + "/" + trustedCa));
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void prosodyAndEjabberdUsersChatBothWaysThroughTheProxyWhileParleyHasNoS2sPort() throws Exception {
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).as("Parley's own S2S port in proxy mode").isFalse();
        for (String server : new String[] {PROSODY, EJABBERD}) {
            Conversations.bothWays(peers, server, "paula", "rob", "Hello through the DMZ");
        }
        JsonObject link = ParleyAdmin.federationStatus().getJsonObject("proxyLink");
        assertThat(link.getBoolean("up")).isTrue();
        assertThat(ParleyAdmin.federationStatus().isNull("listening")).isTrue();
        // The proxy's streams, as it reports them over the link: in Parley's status and audit trail.
        Eventually.value("the proxy's sessions in Parley's status", ParleyAdmin::federationStatus,
                status -> status.getJsonArray("sessions").toString().contains(PROSODY)
                        && status.getJsonArray("sessions").toString().contains(EJABBERD), WAIT);
        JsonObject opened = ParleyAdmin.awaitAudit(EJABBERD, entry -> entry.getString("kind").equals("STREAM_OPENED"),
                WAIT);
        assertThat(opened.getString("detail")).startsWith("at the XMPP proxy: ");

        // An administrator closes one of the proxy's sessions from Parley.
        JsonObject session = ParleyAdmin.federationStatus().getJsonArray("sessions").getValuesAs(JsonObject.class)
                .stream().filter(open -> open.getJsonArray("remoteDomains").toString().contains(PROSODY)).findFirst()
                .orElseThrow();
        HttpResponse<String> closed = ParleyHttp.asAdmin().delete(ParleyHttp.app("/api/admin/federation/sessions/"
                + session.getString("id")));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        Eventually.equals("the proxy asked to close it", () -> proxyLog().contains("Parley asks to close the session "
                + session.getString("id")), true, WAIT);
    }

    @Test
    void subscriptionsAndPresenceBothWaysThroughTheProxy() throws Exception {
        for (String server : new String[] {PROSODY, EJABBERD}) {
            String local = ItEnvironment.localUser("olga");
            LocalUserApi localApi = new LocalUserApi(local);
            try (XmppUser remote = peers.user(server, "pia", "secret-pia")) {
                remote.approveSubscriptionRequests();
                assertThat(localApi.setPresence("AVAILABLE", null).statusCode()).isEqualTo(200);
                assertThat(localApi.addContact(remote.jid()).statusCode()).isEqualTo(201);
                Eventually.equals(server + ": the local user sees the remote one", () -> localApi.presenceOf(
                        remote.jid()), "AVAILABLE", WAIT);
                remote.announce("dnd", "in a meeting");
                Eventually.equals(server + ": the change too", () -> localApi.presenceOf(remote.jid()),
                        "DND / in a meeting", WAIT);

                remote.requestSubscription(local);
                Eventually.equals(server + ": the request waits", () -> localApi.subscription(remote.jid()),
                        "TO false true", WAIT);
                assertThat(localApi.approve(remote.jid()).statusCode()).isEqualTo(200);
                Eventually.equals(server + ": the remote user sees the local one", () -> remote.presenceOf(local),
                        "available", WAIT);
                assertThat(localApi.setPresence("XA", "on leave").statusCode()).isEqualTo(200);
                Eventually.equals(server + ": the local change too", () -> remote.presenceOf(local),
                        "xa / on leave", WAIT);
            }
        }
    }

    @Test
    void aDomainParleyBlocksIsRefusedAtTheProxyAlreadyAndAChangeAppliesThereAtOnce() throws Exception {
        String local = ItEnvironment.localUser("ursula");
        LocalUserApi localApi = new LocalUserApi(local);
        try (XmppUser remote = peers.user(EJABBERD, "vic", "secret-vic")) {
            ParleyAdmin.changeLevel(ejabberdAuthorization, "BLOCKED");
            // The block reaches the proxy a moment later; what ejabberd sends before arrives at Parley, which drops
            // it (audited) as from a domain it must not hear from. From then on the proxy refuses ejabberd's streams,
            // and ejabberd bounces what its user sends.
            Eventually.value("ejabberd's bounce", () -> {
                remote.send(local, "knocking while blocked");
                try {
                    return remote.awaitError(local, Duration.ofSeconds(3));
                } catch (AssertionError notYet) {
                    return "";
                }
            }, error -> !error.isEmpty(), WAIT);
            Eventually.equals("the proxy's refusal in its log", () -> proxyLog().contains("REFUSED")
                    && proxyLog().contains("blocked by the domain authorization for " + EJABBERD), true, WAIT);
            assertThat(localApi.messages()).as("nothing reached the local user").isEmpty();

            ParleyAdmin.changeLevel(ejabberdAuthorization, "PERSONAL");
            String welcome = "welcome back " + UUID.randomUUID();
            Eventually.value("a message through once unblocked", () -> {
                remote.send(local, welcome);
                Thread.sleep(1_000);
                return localApi.messages();
            }, messages -> messages.stream().anyMatch(message -> message.getString("xml").contains(welcome)),
                    RECOVERY);
        }
    }

    @Test
    void aRestartedProxyLosesAndDuplicatesNothingSentWhileItWasAway() throws Exception {
        String local = ItEnvironment.localUser("quinn");
        LocalUserApi localApi = new LocalUserApi(local);
        try (XmppUser remote = peers.user(PROSODY, "sam", "secret-sam")) {
            // What earlier tests sent may still wait for the proxy's verdict; only this test's stanzas count below.
            Eventually.value("nothing waiting for the proxy's verdict", ParleyAdmin::federationStatus,
                    status -> status.getJsonObject("proxyLink").getInt("waiting") == 0, RECOVERY);
            proxy().stop();
            awaitLink(false, WAIT);
            assertThat(ParleyAdmin.federationStatus().getJsonObject("proxyLink").getString("problem"))
                    .contains("proxy");
            for (int i = 1; i <= 3; i++) {
                assertThat(localApi.send(remote.jid(), "while away " + i).statusCode()).isEqualTo(202);
            }
            Eventually.value("the messages waiting for the link, in the status", ParleyAdmin::federationStatus,
                    status -> status.getJsonObject("proxyLink").getInt("waiting") == 3, WAIT);

            proxy().start();
            awaitLink(true, RECOVERY);
            for (int i = 1; i <= 3; i++) {
                assertThat(remote.awaitMessage(local, RECOVERY)).startsWith("while away ");
            }
            Thread.sleep(2_000);
            assertThat(remote.messagesFrom(local)).as("nothing more, in particular no copy").isEmpty();
        }
        ParleyAdmin.awaitAudit(PROXY_HOST, entry -> entry.getString("kind").equals("PROXY_LINK_DOWN"), WAIT);
        ParleyAdmin.awaitAudit(PROXY_HOST, entry -> entry.getString("kind").equals("PROXY_LINK_UP"), WAIT);
    }

    @Test
    void aProxyCrashingMidTrafficLosesNothing() throws Exception {
        String local = ItEnvironment.localUser("wendy");
        LocalUserApi localApi = new LocalUserApi(local);
        int count = 30;
        try (XmppUser remote = peers.user(PROSODY, "xavier", "secret-xavier")) {
            assertThat(localApi.send(remote.jid(), "warm-up").statusCode()).isEqualTo(202);
            assertThat(remote.awaitMessage(local, WAIT)).isEqualTo("warm-up");
            for (int i = 1; i <= count; i++) {
                assertThat(localApi.send(remote.jid(), "burst " + i).statusCode()).isEqualTo(202);
                if (i == count / 2) {
                    proxy().crash();
                }
            }
            proxy().start();
            awaitLink(true, RECOVERY);

            Set<String> received = new HashSet<>();
            List<String> all = new ArrayList<>();
            while (received.size() < count) {
                String body = remote.awaitMessage(local, RECOVERY);
                all.add(body);
                received.add(body);
            }
            // At least once: a stanza the proxy wrote to Prosody just before it died, without telling Parley, comes
            // again when Parley retries it. None may be missing.
            assertThat(received).hasSize(count);
            System.out.println("crash mid-traffic: " + count + " sent, " + all.size() + " received ("
                    + (all.size() - count) + " twice)");
        }
    }

    @Test
    void aLinkCutMidTrafficLosesAndDoublesNothingEitherWay() throws Exception {
        String local = ItEnvironment.localUser("otto");
        LocalUserApi localApi = new LocalUserApi(local);
        // A few each way, every one of them in flight when the link is cut and counted on arrival.
        int each = 5;
        // Parley reaches the proxy through a relay beside it, which the test cuts while both ends stay up.
        try (CuttableRelay network = CuttableRelay.start(new InetSocketAddress(proxy().address(),
                ParleyProxyPeer.LINK_PORT)); XmppUser remote = peers.user(PROSODY, "petra", "secret-petra")) {
            ParleyAdmin.settings(Federation.on().withRetryWindow(300).throughProxyWithTls(PROXY_HOST, network.port(),
                    SECRET));
            Eventually.equals("the link through the relay", network::connectionsSoFar, 1, WAIT);
            awaitLink(true, WAIT);
            assertThat(localApi.send(remote.jid(), "before the cut").statusCode()).isEqualTo(202);
            assertThat(remote.awaitMessage(local, WAIT)).isEqualTo("before the cut");
            List<String> received = new ArrayList<>();

            // The proxy's side of the link fails first: Parley's messages go out, but their verdicts never come back,
            // and what the proxy passes on to Parley is lost. Parley must not send its messages out a second time.
            network.drop(CuttableRelay.Direction.TO_CLIENT);
            for (int i = 1; i <= each; i++) {
                assertThat(localApi.send(remote.jid(), "out " + i).statusCode()).isEqualTo(202);
                remote.send(local, "in " + i);
            }
            for (int i = 1; i <= each; i++) {
                received.add(remote.awaitMessage(local, WAIT));
            }
            network.cut();
            awaitLink(true, RECOVERY);
            Eventually.equals("the first messages of the remote user reached the local user", () ->
                    bodies(localApi, "in ").size(), each, RECOVERY);

            // Then Parley's side: what it takes from the proxy is never acknowledged, and what it sends is lost. The
            // proxy must not pass on its messages a second time.
            network.drop(CuttableRelay.Direction.TO_TARGET);
            for (int i = each + 1; i <= 2 * each; i++) {
                remote.send(local, "in " + i);
                assertThat(localApi.send(remote.jid(), "out " + i).statusCode()).isEqualTo(202);
            }
            Eventually.equals("the later messages of the remote user reached the local user", () ->
                    bodies(localApi, "in ").size(), 2 * each, RECOVERY);
            network.cut();
            awaitLink(true, RECOVERY);
            while (received.size() < 2 * each) {
                received.add(remote.awaitMessage(local, RECOVERY));
            }

            Thread.sleep(3_000);
            assertThat(remote.messagesFrom(local)).as("nothing more, in particular no copy").isEmpty();
            assertThat(received).as("each once").doesNotHaveDuplicates().hasSize(2 * each);
            assertThat(bodies(localApi, "in ")).as("each once").doesNotHaveDuplicates().hasSize(2 * each);
            assertThat(network.connectionsSoFar()).as("the link came back through the relay each time").isEqualTo(3);
        } finally {
            ParleyAdmin.settings(throughProxy);
            awaitLink(true, WAIT);
        }
    }

    /** The bodies of the messages that reached the local user and start with {@code prefix}. */
    private static List<String> bodies(LocalUserApi localApi, String prefix) {
        return localApi.messages().stream().map(message -> message.getString("xml"))
                .map(xml -> xml.replaceAll("(?s).*<body>([^<]*)</body>.*", "$1"))
                .filter(body -> body.startsWith(prefix)).toList();
    }

    @Test
    void switchesToDirectModeAndBackWithoutARedeploy() throws Exception {
        try {
            ParleyAdmin.settings(Federation.on().withRetryWindow(300));
            Eventually.equals("Parley's own S2S port in direct mode", () -> RawS2s.listening(ItEnvironment.S2S_PORT),
                    true, WAIT);
            assertThat(ParleyAdmin.federationStatus().isNull("proxyLink")).isTrue();
        } finally {
            ParleyAdmin.settings(throughProxy);
        }
        awaitLink(true, WAIT);
        assertThat(RawS2s.listening(ItEnvironment.S2S_PORT)).isFalse();
        String local = ItEnvironment.localUser("yara");
        try (XmppUser remote = peers.user(PROSODY, "zoe", "secret-zoe")) {
            assertThat(new LocalUserApi(local).send(remote.jid(), "back in proxy mode").statusCode()).isEqualTo(202);
            assertThat(remote.awaitMessage(local, WAIT)).isEqualTo("back in proxy mode");
        }
    }

    @Test
    void aWrongLinkPasswordIsShownWithoutTheSecret() throws Exception {
        String wrong = "not-the-link-secret-" + UUID.randomUUID();
        try {
            ParleyAdmin.settings(Federation.on().throughProxyWithTls(PROXY_HOST, ParleyProxyPeer.LINK_PORT, wrong));
            JsonObject link = Eventually.value("the link refused", () -> ParleyAdmin.federationStatus()
                    .getJsonObject("proxyLink"), found -> !found.isNull("problem")
                    && found.getString("problem").contains("refused the link password"), WAIT);
            assertThat(link.getBoolean("up")).isFalse();
            assertThat(link.toString()).doesNotContain(wrong).doesNotContain(SECRET);
            JsonObject audited = ParleyAdmin.awaitAudit(PROXY_HOST,
                    entry -> entry.getString("detail").contains("refused the link password"), WAIT);
            assertThat(audited.toString()).doesNotContain(wrong);
        } finally {
            ParleyAdmin.settings(throughProxy);
            awaitLink(true, WAIT);
        }
    }

    private static String proxyLog() {
        try {
            return Files.readString(proxy().log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParleyProxyPeer proxy() {
        return peers.proxy();
    }

    private static void awaitLink(boolean up, Duration timeout) throws Exception {
        Eventually.value("the link to the proxy " + (up ? "up" : "down"), ParleyAdmin::federationStatus,
                status -> !status.isNull("proxyLink") && status.getJsonObject("proxyLink").getBoolean("up") == up,
                timeout);
    }
}
