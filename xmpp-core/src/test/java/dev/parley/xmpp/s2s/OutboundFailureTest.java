package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Stanzas for domains that cannot be reached come back to their senders as errors, never dropped. */
@Timeout(30)
class OutboundFailureTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inbox = new Inbox();
    private S2sEngine engine;
    private ServerSocket fakePeer;

    private void start(EngineConfig config) {
        engine = S2sEngine.start(config, inbox);
    }

    private EngineConfig config() {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns);
    }

    @AfterEach
    void stop() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (fakePeer != null) {
            fakePeer.close();
        }
    }

    @Test
    void bouncesWithRemoteServerNotFoundWhenDomainDoesNotResolve() throws InterruptedException {
        start(config());

        engine.send(Stanzas.message("alice@a.test/phone", "bob@nowhere.test", "m1", "hello"));
        XmlElement bounce = inbox.next();

        assertThat(bounce.attribute("type")).hasValue("error");
        assertThat(bounce.attribute("from")).hasValue("bob@nowhere.test");
        assertThat(bounce.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(bounce.attribute("id")).hasValue("m1");
        assertThat(Stanzas.body(bounce)).isEqualTo("hello");
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found");
        assertThat(Stanzas.errorElement(bounce).attribute("type")).hasValue("cancel");
        assertThat(Stanzas.errorText(bounce)).contains("nowhere.test");
        assertThat(engine.recentFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.domain()).isEqualTo("nowhere.test"));
    }

    @Test
    void bouncesWhenPeerRefusesTheConnection() throws IOException, InterruptedException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        dns.register("down.test", closedPort);
        start(config());

        engine.send(Stanzas.message("alice@a.test", "bob@down.test", "m1", "hello"));
        engine.send(Stanzas.message("alice@a.test", "bob@down.test", "m2", "again"));

        assertThat(inbox.next(2)).allSatisfy(bounce ->
                        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found"))
                .extracting(bounce -> bounce.attribute("id").orElseThrow()).containsExactly("m1", "m2");
        assertThat(engine.recentFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("127.0.0.1:" + closedPort));
    }

    @Test
    void neverBouncesErrorStanzas() throws InterruptedException {
        start(config());

        engine.send(Stanzas.message("alice@a.test", "bob@nowhere.test", "e1", "error", "an error reply"));
        engine.send(Stanzas.message("alice@a.test", "bob@nowhere.test", "m2", "a message"));

        assertThat(inbox.next().attribute("id")).hasValue("m2");
        Thread.sleep(200);
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void bouncesWithResourceConstraintWhenTheQueueIsFull() throws IOException, InterruptedException {
        silentPeer("slow.test");
        start(config().withQueueBound(2));

        for (int i = 1; i <= 3; i++) {
            engine.send(Stanzas.message("alice@a.test", "bob@slow.test", "m" + i, "message " + i));
        }
        XmlElement refused = inbox.next();

        assertThat(refused.attribute("id")).hasValue("m3");
        assertThat(Stanzas.errorCondition(refused)).isEqualTo("resource-constraint");
    }

    @Test
    void bouncesWithRemoteServerTimeoutWhenPeerNeverNegotiates() throws IOException, InterruptedException {
        silentPeer("slow.test");
        start(config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

        engine.send(Stanzas.message("alice@a.test", "bob@slow.test", "m1", "hello"));
        XmlElement bounce = inbox.next();

        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-timeout");
        assertThat(Stanzas.errorElement(bounce).attribute("type")).hasValue("wait");
    }

    @Test
    void bouncesWithRemoteServerTimeoutOnClose() throws IOException, InterruptedException {
        silentPeer("slow.test");
        start(config());
        engine.send(Stanzas.message("alice@a.test", "bob@slow.test", "m1", "hello"));

        engine.close();

        XmlElement bounce = inbox.next();
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-timeout");
        assertThat(Stanzas.errorText(bounce)).contains("shutting down");
    }

    @Test
    void bouncesSayingThatThePeerRequiresTls() throws IOException, InterruptedException {
        fakePeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("strict.test", fakePeer.getLocalPort());
        Thread peer = new Thread(() -> {
            try (Socket socket = fakePeer.accept()) {
                socket.getInputStream().read(new byte[4096]);
                socket.getOutputStream().write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' from='strict.test' id='s1' version='1.0'>"
                        + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                        + "</stream:features>").getBytes(StandardCharsets.UTF_8));
                socket.getInputStream().readAllBytes();
            } catch (IOException ignored) {
                // The test is over.
            }
        });
        peer.start();
        start(config());

        engine.send(Stanzas.message("alice@a.test", "bob@strict.test", "m1", "hello"));
        XmlElement bounce = inbox.next();

        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("remote-server-not-found");
        assertThat(Stanzas.errorText(bounce)).contains("requires TLS, and the policy for it is NONE");
        assertThat(engine.recentFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("requires TLS, and the policy for it is NONE"));
    }

    @Test
    void recordsAPeersHugeStreamErrorCut() throws IOException, InterruptedException {
        fakePeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("verbose.test", fakePeer.getLocalPort());
        Thread peer = new Thread(() -> {
            try (Socket socket = fakePeer.accept()) {
                socket.getInputStream().read(new byte[4096]);
                socket.getOutputStream().write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' from='verbose.test' id='s1' version='1.0'>"
                        + "<stream:error><internal-server-error xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>" + "z".repeat(200_000) + "</text>"
                        + "</stream:error></stream:stream>").getBytes(StandardCharsets.UTF_8));
                socket.getInputStream().readAllBytes();
            } catch (IOException ignored) {
                // The test is over.
            }
        });
        peer.start();
        start(config());

        engine.send(Stanzas.message("alice@a.test", "bob@verbose.test", "m1", "hello"));
        inbox.next();

        assertThat(engine.recentFailures()).singleElement().satisfies(failure -> assertThat(failure.reason())
                .hasSize(AuditTexts.DETAIL).contains("internal-server-error: zzzz").endsWith("…"));
    }

    /** A server on 127.0.0.1 that accepts and reads but never answers. */
    private void silentPeer(String domain) throws IOException {
        fakePeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register(domain, fakePeer.getLocalPort());
        Thread peer = new Thread(() -> {
            try (Socket socket = fakePeer.accept(); InputStream in = socket.getInputStream()) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // The test is over.
            }
        });
        peer.setDaemon(true);
        peer.start();
    }
}
