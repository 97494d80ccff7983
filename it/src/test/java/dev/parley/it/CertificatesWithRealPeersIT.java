package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.CertificateKind;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.ServerCertificate;
import dev.parley.it.peers.SubjectAltNames;
import dev.parley.it.peers.TestCa;
import dev.parley.it.peers.XmppUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS done right in the application server: Parley's certificate and a partner CA installed
 * through the admin API, real Prosody and ejabberd that accept only certificates from that CA
 * and authenticate by SASL EXTERNAL, the global policy REQUIRED_VALID_CERT; and trust withdrawn
 * at runtime refuses the peers with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesWithRealPeersIT {

    private static final PeerSecurity SECURITY = PeerSecurity.STARTTLS_CA_SASL_EXTERNAL;
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final URI CERTIFICATE = ParleyHttp.app("/api/admin/certificate");
    private static final URI TRUSTED_CAS = ParleyHttp.app("/api/admin/trusted-cas");

    enum Remote {
        PROSODY("prosody.tls.test", "tina"),
        EJABBERD("ejabberd.tls.test", "theo");

        final String domain;
        final String user;

        Remote(String domain, String user) {
            this.domain = domain;
            this.user = user;
        }
    }

    private static PeerNetwork network;
    private static TestCa ca;
    private static FederationPeer prosody;
    private static FederationPeer ejabberd;
    private static XmppUser tina;
    private static XmppUser theo;
    private static ParleyJms queues;
    private static long trustedCaId;

    @BeforeAll
    static void start() throws Exception {
        network = PeerNetwork.startWithDns(ItEnvironment.dns(),
                ProsodyPeer.plan(Remote.PROSODY.domain, SECURITY), EjabberdPeer.plan(Remote.EJABBERD.domain, SECURITY),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
        ca = TestCa.create(network.runDir().resolve("ca"));
        prosody = new ProsodyPeer(network, Remote.PROSODY.domain, SECURITY, ca);
        ejabberd = new EjabberdPeer(network, Remote.EJABBERD.domain, SECURITY, ca);
        prosody.start();
        ejabberd.start();
        prosody.register(Remote.PROSODY.user, "secret");
        ejabberd.register(Remote.EJABBERD.user, "secret");
        tina = XmppUser.login(prosody, Remote.PROSODY.user, "secret");
        theo = XmppUser.login(ejabberd, Remote.EJABBERD.user, "secret");
        queues = ParleyJms.connect();

        // Parley's certificate names its domain as a DNS name only, which ejabberd 23.01 needs for SASL EXTERNAL.
        ServerCertificate parley = ca.issue(ItEnvironment.XMPP_DOMAIN, CertificateKind.VALID, SubjectAltNames.DNS_NAME_ONLY);
        HttpResponse<String> installed = ParleyHttp.asAdmin().put(CERTIFICATE, Json.createObjectBuilder()
                .add("privateKey", Files.readString(parley.key())).add("chain", Files.readString(parley.chain()))
                .build().toString());
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        trustedCaId = trustTestCa();

        ParleyAdmin.revokeTestAuthorizations();
        ParleyAdmin.authorize(Remote.PROSODY.domain, "PUBLIC", null);
        ParleyAdmin.authorize(Remote.EJABBERD.domain, "PUBLIC", null);
    }

    @AfterAll
    static void stop() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
        ParleyAdmin.revokeTestAuthorizations();
        ParleyHttp.asAdmin().delete(URI.create(TRUSTED_CAS + "/" + trustedCaId));
        ParleyHttp.asAdmin().delete(CERTIFICATE);
        for (AutoCloseable resource : new AutoCloseable[] {queues, tina, theo, prosody, ejabberd, network}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private static long trustTestCa() throws Exception {
        HttpResponse<String> response = ParleyHttp.asAdmin().post(TRUSTED_CAS,
                Json.createObjectBuilder().add("pem", Files.readString(ca.certificateFile())).build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ((JsonObject) ParleyHttp.json(response)).getJsonNumber("id").longValue();
    }

    private static XmppUser user(Remote remote) {
        return remote == Remote.PROSODY ? tina : theo;
    }

    @Test
    void administratorsSeeTheInstalledCertificate() throws Exception {
        JsonObject certificate = (JsonObject) ParleyHttp.json(ParleyHttp.asAdmin().get(CERTIFICATE));

        assertThat(certificate.getJsonArray("dnsNames").getString(0)).isEqualTo(ItEnvironment.XMPP_DOMAIN);
        assertThat(certificate.getString("issuer")).isNotEqualTo(certificate.getString("subject"));
        assertThat(certificate.getString("sha256")).isNotBlank();
        assertThat(certificate.toString()).doesNotContain("PRIVATE KEY");
    }

    @ParameterizedTest
    @EnumSource(Remote.class)
    void messagesFlowBothWaysOverVerifiedTlsWithSaslExternal(Remote remote) throws Exception {
        ParleyAdmin.restartFederation(Federation.on().withTlsPolicy("REQUIRED_VALID_CERT"));
        String uma = ItEnvironment.localUser("uma");

        queues.sendChat(uma, user(remote).jid(), "over TLS to " + remote);
        assertThat(user(remote).awaitMessage(uma, DELIVERY)).isEqualTo("over TLS to " + remote);
        user(remote).send(uma, "over TLS from " + remote);
        assertThat(ParleyAdmin.awaitArchived(uma, any -> true, DELIVERY).get(0).getString("xml"))
                .contains("over TLS from " + remote);

        JsonObject opened = ParleyAdmin.awaitAudit(remote.domain, entry -> "STREAM_OPENED".equals(entry.getString("kind"))
                && "OUTBOUND".equals(entry.getString("direction")), DELIVERY);
        assertThat(opened.getString("authMethod")).isEqualTo("SASL_EXTERNAL");
        assertThat(opened.getString("tls")).startsWith("TLSv1.");
    }

    @Test
    void withdrawingTrustInThePeersCaRefusesThemWithTheReason() throws Exception {
        HttpResponse<String> removed = ParleyHttp.asAdmin().delete(URI.create(TRUSTED_CAS + "/" + trustedCaId));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        try {
            ParleyAdmin.restartFederation(Federation.on().withTlsPolicy("REQUIRED_VALID_CERT"));
            String vera = ItEnvironment.localUser("vera");

            queues.sendChat(vera, tina.jid(), "untrusted");

            JsonObject bounce = ParleyAdmin.awaitArchived(vera, any -> true, DELIVERY).get(0);
            assertThat(bounce.getString("type")).isEqualTo("error");
            assertThat(bounce.getString("xml")).containsIgnoringCase("certificate");
            assertThat(tina.messagesFrom(vera)).isEmpty();
        } finally {
            trustedCaId = trustTestCa();
        }
    }
}
