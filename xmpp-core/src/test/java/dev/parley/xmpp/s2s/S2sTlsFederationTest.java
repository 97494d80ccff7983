package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on 127.0.0.1 under each TLS policy: STARTTLS with dialback, SASL EXTERNAL with valid
 * certificates, and the refusals, with reasons a person can act on.
 */
@Timeout(30)
class S2sTlsFederationTest {

    private static final TestPki CA = TestPki.create("Federation Test CA");

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private S2sEngine a;
    private S2sEngine b;

    private static ServerCredential valid(String domain) {
        return CA.leaf(domain).dns(domain).issue();
    }

    private static ServerCredential selfSigned(String domain) {
        return CA.leaf(domain).dns(domain).selfSigned().issue();
    }

    private static TlsConfig tls(TlsPolicy policy, ServerCredential credential, String domain) {
        return TlsConfig.of(policy, credential, List.of(domain)).withExtraTrustedCas(List.of(CA.certificate()));
    }

    private void start(TlsConfig tlsOfA, TlsConfig tlsOfB) {
        a = engines.start(config("a.test", tlsOfA), inboxA);
        b = engines.start(config("b.test", tlsOfB), inboxB);
        dns.register("a.test", a.localAddress().getPort());
        dns.register("b.test", b.localAddress().getPort());
    }

    /** {@code b.test} reachable only by direct TLS, {@code a.test} by STARTTLS. */
    private void startWithDirectTlsB(TlsConfig tlsOfA, TlsConfig tlsOfB) {
        a = engines.start(config("a.test", tlsOfA), inboxA);
        b = engines.start(config("b.test", tlsOfB).withDirectTlsPort(0), inboxB);
        dns.register("a.test", a.localAddress().getPort());
        dns.registerDirectTls("b.test", b.directTlsAddress().orElseThrow().getPort());
    }

    private EngineConfig config(String domain, TlsConfig tls) {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of(domain), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withTls(tls);
    }

    @Test
    void selfSignedCertificatesEncryptAndDialbackAuthenticates() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("a.test"), "a.test"),
                tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("b.test"), "b.test"));

        exchangeBothWays();

        assertThat(a.sessions()).filteredOn(s -> s.direction() == SessionDirection.OUTBOUND).singleElement().satisfies(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.DIALBACK);
            assertThat(s.tls()).hasValueSatisfying(tls -> {
                assertThat(tls.protocol()).isIn("TLSv1.3", "TLSv1.2");
                assertThat(tls.peerCertificate()).hasValueSatisfying(c -> assertThat(c.subject()).isEqualTo("CN=b.test"));
                assertThat(tls.certificateNote()).contains("self-signed");
            });
        });
        assertThat(b.sessions()).filteredOn(s -> s.direction() == SessionDirection.INBOUND
                && s.state() == SessionState.AUTHENTICATED).singleElement().satisfies(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.DIALBACK);
            assertThat(s.tls()).isPresent();
        });
    }

    @Test
    void validCertificatesAuthenticateBySaslExternal() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"), "a.test"),
                tls(TlsPolicy.REQUIRED_VALID_CERT, valid("b.test"), "b.test"));

        exchangeBothWays();

        assertThat(a.sessions()).filteredOn(s -> s.direction() == SessionDirection.OUTBOUND).singleElement().satisfies(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL);
            assertThat(s.tls()).hasValueSatisfying(tls -> assertThat(tls.certificateNote()).isEqualTo("trusted"));
        });
        assertThat(b.sessions()).filteredOn(s -> s.direction() == SessionDirection.INBOUND
                && s.state() == SessionState.AUTHENTICATED).singleElement().satisfies(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL);
            assertThat(s.peerDomains()).containsExactly("a.test");
            assertThat(s.tls()).hasValueSatisfying(tls -> assertThat(tls.peerCertificate())
                    .hasValueSatisfying(c -> assertThat(c.names()).containsExactly("DNS:a.test")));
        });
    }

    @Test
    void certificatesWithoutClientAuthUsageAuthenticateToo() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_VALID_CERT, CA.leaf("a.test").dns("a.test").withoutClientAuth().issue(), "a.test"),
                tls(TlsPolicy.REQUIRED_VALID_CERT, CA.leaf("b.test").dns("b.test").withoutClientAuth().issue(), "b.test"));

        exchangeBothWays();

        assertThat(b.sessions()).anySatisfy(s -> assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL));
    }

    @Test
    void optionalUsesTlsWhereBothCanAndPlaintextWhereTheyCannot() throws InterruptedException {
        start(TlsConfig.of(TlsPolicy.OPTIONAL, selfSigned("a.test"), List.of("a.test")), TlsConfig.none());

        exchangeBothWays();

        assertThat(a.sessions()).allSatisfy(s -> assertThat(s.tls()).isEmpty());
    }

    @Test
    void requiredValidCertRefusesASelfSignedReceivingServer() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"), "a.test"),
                tls(TlsPolicy.OPTIONAL, selfSigned("b.test"), "b.test"));

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "only over a trusted stream"));
        XmlElement bounce = inboxA.next();

        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found");
        assertThat(Stanzas.errorText(bounce)).contains("the certificate of b.test is not accepted")
                .contains("certificate for b.test is self-signed");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void requiredValidCertRefusesASelfSignedInitiatingServer() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("a.test"), "a.test"),
                tls(TlsPolicy.REQUIRED_VALID_CERT, valid("b.test"), "b.test"));

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "only over a trusted stream"));
        XmlElement bounce = inboxA.next();

        assertThat(Stanzas.errorText(bounce)).contains("policy-violation")
                .contains("certificate for a.test is self-signed");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void requiredTlsRefusesAPeerThatDoesNotOfferIt() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("a.test"), "a.test"), TlsConfig.none());

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "encrypted or not at all"));
        XmlElement bounce = inboxA.next();

        assertThat(Stanzas.errorText(bounce))
                .contains("b.test does not offer TLS, and the policy for it is REQUIRED_IGNORE_CERT_ERRORS");
    }

    @Test
    void requiredTlsRefusesDialbackInPlaintextFromAPeerWithoutTls() throws InterruptedException {
        start(TlsConfig.none(), tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("b.test"), "b.test"));

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "in clear text?"));
        XmlElement bounce = inboxA.next();

        assertThat(Stanzas.errorText(bounce)).contains("b.test requires TLS, and the policy for it is NONE");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void aPerDomainOverrideBeatsTheGlobalPolicy() throws InterruptedException {
        start(tls(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"), "a.test")
                        .withPolicies(domain -> domain.equals("b.test") ? TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS : null),
                tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("b.test"), "b.test"));

        exchangeBothWays();
    }

    @Test
    void aPiggyBackedDomainMustBeNamedByTheCertificateToo() throws InterruptedException {
        a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test", "chat.a.test"), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withTls(tls(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"), "a.test")), inboxA);
        b = engines.start(config("b.test", tls(TlsPolicy.REQUIRED_VALID_CERT, valid("b.test"), "b.test")), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("chat.a.test", a.localAddress().getPort());
        dns.register("b.test", b.localAddress().getPort());

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "covered by the certificate"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("covered by the certificate");
        a.send(Stanzas.message("room@chat.a.test", "bob@b.test", "m2", "not covered"));

        assertThat(Stanzas.errorText(inboxA.next())).contains("refused dialback for chat.a.test")
                .contains("policy-violation");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void directTlsCarriesSaslExternal() throws InterruptedException {
        startWithDirectTlsB(tls(TlsPolicy.REQUIRED_VALID_CERT, valid("a.test"), "a.test"),
                tls(TlsPolicy.REQUIRED_VALID_CERT, valid("b.test"), "b.test"));

        exchangeBothWays();

        assertThat(a.sessions()).filteredOn(s -> s.direction() == SessionDirection.OUTBOUND).singleElement().satisfies(s -> {
            assertThat(s.authMethod()).isEqualTo(AuthMethod.SASL_EXTERNAL);
            assertThat(s.remoteAddress()).hasValueSatisfying(address ->
                    assertThat(address.getPort()).isEqualTo(b.directTlsAddress().orElseThrow().getPort()));
        });
    }

    @Test
    void directTlsWithSelfSignedCertificatesAndDialback() throws InterruptedException {
        startWithDirectTlsB(tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("a.test"), "a.test"),
                tls(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, selfSigned("b.test"), "b.test"));

        exchangeBothWays();
    }

    @Test
    void withoutTlsADirectTlsOnlyPeerIsNotContacted() throws InterruptedException {
        startWithDirectTlsB(TlsConfig.none(), tls(TlsPolicy.OPTIONAL, valid("b.test"), "b.test"));

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));

        assertThat(Stanzas.errorText(inboxA.next()))
                .contains("b.test offers only direct TLS connections, and the policy for it is NONE");
    }

    private void exchangeBothWays() throws InterruptedException {
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello Bob"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("hello Bob");
        b.send(Stanzas.message("bob@b.test", "alice@a.test", "m2", "hello Alice"));
        assertThat(Stanzas.body(inboxA.next())).isEqualTo("hello Alice");
    }
}
