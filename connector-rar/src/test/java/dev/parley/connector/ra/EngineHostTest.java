package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationSettingsException;
import dev.parley.connector.api.FederationStatus.State;
import dev.parley.connector.api.FederationUnavailableException;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.s2s.InboundLimits;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter runs the engine as the application's settings say, changing it in place. */
class EngineHostTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    /** A DNS server that takes every query and answers none, so that lookups fail by timeout, later. */
    private final DatagramSocket silentDns = silentSocket();
    private final EngineHost host = new EngineHost(
            () -> new ServerSettings("parley.test", new ResolverConfig(
                    List.of((InetSocketAddress) silentDns.getLocalSocketAddress()), Duration.ofSeconds(1), 0),
                    InboundLimits.DEFAULTS),
            refusal -> new InboundDispatcher(workers, refusal, Duration.ofMillis(10)));

    @AfterEach
    void stop() {
        host.stop();
        workers.shutdownNow();
        silentDns.close();
    }

    private static DatagramSocket silentSocket() {
        try {
            return new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code .test} domain federates. */
    private static final DomainPolicy EVERY_TEST_DOMAIN = new DomainPolicy(
            List.of(new DomainPolicy.Rule("test", true, true, Optional.empty())), false);

    private static FederationRuntimeSettings settings(boolean enabled, int port, DomainPolicy policy) {
        return new FederationRuntimeSettings(enabled, LOOPBACK, port, TlsPolicy.OPTIONAL, policy, Optional.empty(),
                List.of(), Optional.empty(), true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static XmlElement chat(String to) {
        return new XmlElement("message", "jabber:server",
                List.of(XmlAttribute.of("from", "alice@parley.test"), XmlAttribute.of("to", to),
                        XmlAttribute.of("type", "chat")), List.of());
    }

    @Test
    void listensWhileSwitchedOnAndFreesThePortWhenSwitchedOff() throws Exception {
        int port = freePort();
        assertThat(host.status().state()).isEqualTo(State.OFF);

        host.apply(settings(true, port, EVERY_TEST_DOMAIN));
        assertThat(listening(port)).isTrue();
        assertThat(host.status().state()).isEqualTo(State.RUNNING);
        assertThat(host.status().localDomains()).containsExactly("parley.test");

        host.apply(settings(false, port, EVERY_TEST_DOMAIN));
        assertThat(listening(port)).isFalse();
        assertThat(host.status().state()).isEqualTo(State.OFF);
        try (ServerSocket rebind = new ServerSocket()) {
            rebind.bind(new InetSocketAddress(LOOPBACK, port));
        }
    }

    @Test
    void aNewPortMovesTheListenerWithoutStoppingFederation() throws Exception {
        int first = freePort();
        host.apply(settings(true, first, EVERY_TEST_DOMAIN));
        int second = freePort();

        host.apply(settings(true, second, EVERY_TEST_DOMAIN));

        assertThat(listening(second)).isTrue();
        assertThat(listening(first)).isFalse();
        assertThat(host.status().listening()).hasValue(new InetSocketAddress(LOOPBACK, second));
    }

    @Test
    void aPortInUseIsRefusedWithTheReasonAndTheListenerStaysWhereItWas() throws Exception {
        int port = freePort();
        host.apply(settings(true, port, EVERY_TEST_DOMAIN));

        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThatThrownBy(() -> host.apply(settings(true, taken.getLocalPort(), EVERY_TEST_DOMAIN)))
                    .isInstanceOf(FederationSettingsException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            assertThat(host.status().problem()).hasValueSatisfying(p -> assertThat(p).contains(String.valueOf(taken.getLocalPort())));
        }
        assertThat(listening(port)).isTrue();
        assertThat(host.status().state()).isEqualTo(State.RUNNING);
    }

    @Test
    void aFailedStartLeavesFederationFailedWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThatThrownBy(() -> host.apply(settings(true, taken.getLocalPort(), EVERY_TEST_DOMAIN)))
                    .isInstanceOf(FederationSettingsException.class);
        }
        assertThat(host.status().state()).isEqualTo(State.FAILED);
        assertThatThrownBy(() -> host.submit(chat("bob@remote.test"), Duration.ofSeconds(1)))
                .isInstanceOf(FederationUnavailableException.class)
                .hasMessageContaining("could not start");
    }

    @Test
    void sendingWhileSwitchedOffSaysSo() {
        assertThatThrownBy(() -> host.submit(chat("bob@remote.test"), Duration.ofSeconds(1)))
                .isInstanceOf(FederationUnavailableException.class)
                .hasMessage(EngineHost.SWITCHED_OFF);
    }

    @Test
    void theDomainAuthorizationsReachTheEngine() throws Exception {
        host.apply(settings(true, freePort(), new DomainPolicy(List.of(
                new DomainPolicy.Rule("test", true, true, Optional.empty()),
                new DomainPolicy.Rule("evil.test", false, false, Optional.empty())), false)));

        Optional<Delivery> delivery = host.submit(chat("mallory@evil.test"), Duration.ofSeconds(5)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(delivery).hasValue(new Delivery.Bounced(StanzaErrorCondition.NOT_ALLOWED,
                "federation with evil.test is blocked by the domain authorization for evil.test"));
    }

    @Test
    void closesASessionOfTheRunningEngineAndNoneWhileSwitchedOff() throws Exception {
        assertThat(host.closeSession("1-0123456789ab")).isFalse();
        host.apply(settings(true, freePort(), EVERY_TEST_DOMAIN));
        // The DNS server answers nothing: the session waits for its lookup.
        host.submit(chat("bob@unreachable.test"), Duration.ofSeconds(5));
        String id = host.sessions().get(0).id();

        assertThat(host.closeSession(id)).isTrue();

        assertThat(host.sessions()).isEmpty();
        assertThat(host.closeSession(id)).isFalse();
    }

    @Test
    void aVerdictThatComesTooLateReturnsTheStanzaThroughTheInboundPath() throws Exception {
        host.apply(settings(true, freePort(), EVERY_TEST_DOMAIN));

        // The DNS server answers nothing: the stanza fails after a second, when the caller has stopped waiting.
        Optional<Delivery> delivery = host.submit(chat("bob@unreachable.test"), Duration.ZERO).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(delivery).isEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.inbound().waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(host.inbound().waiting()).as("error replies waiting for the MDB").isEqualTo(1);
    }
}
