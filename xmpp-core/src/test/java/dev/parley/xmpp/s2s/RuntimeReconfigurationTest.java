package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.CertificateSummary;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An administrator's changes applied while the engine runs ({@link S2sEngine#reconfigure}): new
 * streams get them, established ones keep what they negotiated, nothing is half-applied or lost.
 */
@Timeout(30)
class RuntimeReconfigurationTest {

    private static final TestPki CA = TestPki.create("Reconfiguration Test CA");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final Inbox inboxC = new Inbox();
    private final List<S2sEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(S2sEngine::close);
    }

    private S2sEngine start(EngineConfig config, Inbox inbox) {
        S2sEngine engine = S2sEngine.start(config, inbox);
        engines.add(engine);
        config.localDomains().forEach(domain -> dns.register(domain, engine.localAddress().getPort()));
        return engine;
    }

    private EngineConfig config(Set<String> domains, TlsConfig tls) {
        return EngineConfig.of(LOOPBACK, 0, domains, dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withTls(tls);
    }

    private static TlsConfig tls(TlsPolicy policy, ServerCredential credential, String domain) {
        return TlsConfig.of(policy, credential, List.of(domain)).withExtraTrustedCas(List.of(CA.certificate()));
    }

    private static ServerCredential selfSigned(String domain) {
        return CA.leaf(domain).dns(domain).selfSigned().issue();
    }

    @Test
    void aTightenedPolicyRefusesANewSelfSignedStreamWhileTheAuthenticatedOneGoesOn() throws InterruptedException {
        S2sEngine a = start(config(Set.of("a.test"), tls(TlsPolicy.OPTIONAL, selfSigned("a.test"), "a.test")), inboxA);
        S2sEngine b = start(config(Set.of("b.test"),
                tls(TlsPolicy.OPTIONAL, CA.leaf("b.test").dns("b.test").issue(), "b.test")), inboxB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "before"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("before");

        EngineConfig tightened = b.config().withTls(b.config().tls().withPolicies(domain -> TlsPolicy.REQUIRED_VALID_CERT));
        b.reconfigure(tightened);
        assertThat(b.config()).isSameAs(tightened);

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m2", "on the authenticated stream"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("on the authenticated stream");
        S2sEngine c = start(config(Set.of("c.test"), tls(TlsPolicy.OPTIONAL, selfSigned("c.test"), "c.test")), inboxC);
        c.send(Stanzas.message("carol@c.test", "bob@b.test", "m3", "on a new stream"));
        assertThat(Stanzas.errorText(inboxC.next())).contains("policy-violation")
                .contains("certificate for c.test is self-signed");
        assertThat(inboxB.drain()).isEmpty();
    }

    @Test
    void aReplacedCertificateIsPresentedByTheNextInboundHandshake() throws InterruptedException {
        ServerCredential old = CA.leaf("b.test old").dns("b.test").issue();
        ServerCredential replacement = CA.leaf("b.test new").dns("b.test").issue();
        S2sEngine a = start(config(Set.of("a.test"), tls(TlsPolicy.OPTIONAL, selfSigned("a.test"), "a.test")), inboxA);
        S2sEngine b = start(config(Set.of("b.test"), tls(TlsPolicy.OPTIONAL, old, "b.test")), inboxB);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();

        b.reconfigure(b.config().withTls(tls(TlsPolicy.OPTIONAL, replacement, "b.test")));
        S2sEngine c = start(config(Set.of("c.test"), tls(TlsPolicy.OPTIONAL, selfSigned("c.test"), "c.test")), inboxC);
        c.send(Stanzas.message("carol@c.test", "bob@b.test", "m2", "hello again"));
        inboxB.next();

        assertThat(presentedTo(c)).isEqualTo("CN=b.test new");
        assertThat(presentedTo(a)).as("the established stream keeps its handshake").isEqualTo("CN=b.test old");
    }

    private static String presentedTo(S2sEngine engine) {
        return engine.sessions().stream().filter(session -> session.direction() == SessionDirection.OUTBOUND)
                .findFirst().flatMap(SessionInfo::tls).flatMap(tls -> tls.peerCertificate())
                .map(CertificateSummary::subject).orElseThrow();
    }

    @Test
    void aNewPortIsListenedOnAndTheOldOneClosed() throws IOException, InterruptedException {
        S2sEngine a = start(config(Set.of("a.test"), TlsConfig.none()), inboxA);
        S2sEngine b = start(config(Set.of("b.test"), TlsConfig.none()), inboxB);
        int oldPort = b.localAddress().getPort();
        int newPort = freePort();

        b.reconfigure(b.config().withListener(LOOPBACK, newPort));

        assertThat(b.localAddress().getPort()).isEqualTo(newPort);
        assertThatThrownBy(() -> new Socket(LOOPBACK, oldPort).close()).isInstanceOf(ConnectException.class);
        dns.register("b.test", newPort);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "to the new port"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("to the new port");
    }

    @Test
    void aPortInUseIsNamedAndTheOldListenerGoesOn() throws IOException, InterruptedException {
        S2sEngine a = start(config(Set.of("a.test"), TlsConfig.none()), inboxA);
        S2sEngine b = start(config(Set.of("b.test"), TlsConfig.none()), inboxB);
        EngineConfig running = b.config();
        try (ServerSocket occupied = new ServerSocket(0, 1, LOOPBACK)) {
            int taken = occupied.getLocalPort();

            assertThatThrownBy(() -> b.reconfigure(running.withListener(LOOPBACK, taken).withQueueBound(5)))
                    .isInstanceOf(ListenerBindException.class).hasMessageContaining("127.0.0.1:" + taken);
        }

        assertThat(b.config()).isSameAs(running);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "to the old port"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("to the old port");
    }

    @Test
    void aRemovedDomainsInboundStreamEndsAndTheOthersGoOn() throws InterruptedException {
        S2sEngine a = start(config(Set.of("a.test"), TlsConfig.none()), inboxA);
        S2sEngine b = start(config(Set.of("b.test", "old.b.test"), TlsConfig.none()), inboxB);
        a.send(Stanzas.message("alice@a.test", "bob@old.b.test", "m1", "to the old domain"));
        inboxB.next();

        b.reconfigure(b.config().withLocalDomains(Set.of("b.test")));

        Sessions.await(() -> b.sessions().stream().noneMatch(session -> session.direction() == SessionDirection.INBOUND
                && session.localDomains().contains("old.b.test")), Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.send(Stanzas.message("bob@old.b.test", "alice@a.test", "m2", "gone")))
                .isInstanceOf(IllegalArgumentException.class);
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m3", "to the remaining domain"));
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("to the remaining domain");
    }

    @Test
    void aRemovedDomainsQueuedStanzasBounce() throws IOException, InterruptedException {
        S2sEngine a = start(config(Set.of("a.test", "old.a.test"), TlsConfig.none()), inboxA);
        // Accepts the connection and never speaks: the stanzas wait for a stream that does not open.
        try (ServerSocket silent = new ServerSocket(0, 5, LOOPBACK)) {
            dns.register("silent.test", silent.getLocalPort());
            a.send(Stanzas.message("alice@old.a.test", "bob@silent.test", "m1", "waiting 1"));
            a.send(Stanzas.message("alice@old.a.test", "bob@silent.test", "m2", "waiting 2"));

            a.reconfigure(a.config().withLocalDomains(Set.of("a.test")));

            List<XmlElement> bounces = inboxA.next(2);
            assertThat(bounces).extracting(stanza -> stanza.attribute("id").orElseThrow()).containsExactly("m1", "m2");
            assertThat(bounces).allSatisfy(bounce -> {
                assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-timeout");
                assertThat(Stanzas.errorText(bounce)).contains("old.a.test is no longer served");
            });
        }
    }

    @Test
    void sendsDuringReconfigurationAreAllDeliveredInOrder() throws InterruptedException {
        S2sEngine a = start(config(Set.of("a.test"), TlsConfig.none()), inboxA);
        start(config(Set.of("b.test"), TlsConfig.none()), inboxB);
        int count = 500;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    a.send(Stanzas.message("alice@a.test", "bob@b.test", "m" + i, "stanza " + i));
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        sender.start();
        for (int round = 0; round < 20; round++) {
            // Domains come and go beside the sender's, which every generation keeps.
            a.reconfigure(a.config().withTimeouts(Duration.ofSeconds(2 + round % 2), Duration.ofSeconds(5))
                    .withQueueBound(1000 + round)
                    .withLocalDomains(round % 2 == 0 ? Set.of("a.test", "extra.a.test") : Set.of("a.test")));
        }
        sender.join();

        assertThat(failure.get()).isNull();
        assertThat(inboxB.next(count)).extracting(Stanzas::body)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "stanza " + i).toList());
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }
}
