package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8305 connection racing: a host whose first address does not answer is reached through its
 * next one after the connection attempt delay, not after the whole connect timeout.
 */
@Timeout(30)
class HappyEyeballsTest {

    private static final String HOST = "b.host.test";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final List<Socket> backlog = new ArrayList<>();
    private S2sEngine a;
    private S2sEngine b;
    private ServerSocket blackHole;

    @AfterEach
    void stop() throws IOException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        for (Socket socket : backlog) {
            socket.close();
        }
        if (blackHole != null) {
            blackHole.close();
        }
    }

    @Test
    void connectsThroughTheNextAddressWhileTheFirstDoesNotAnswer() throws Exception {
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        int port = b.localAddress().getPort();
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        blackHole(new InetSocketAddress(ipv6Loopback, port));
        // b.test is one host with an IPv6 address that never answers and an IPv4 one where B listens, IPv6 first.
        S2sTargetResolver targets = domain -> domain.equals("b.test")
                ? CompletableFuture.completedFuture(List.of(new S2sTarget(HOST, port, false)))
                : dns.targets(domain);
        HostResolver hosts = host -> host.equals(HOST)
                ? CompletableFuture.completedFuture(List.of(ipv6Loopback, InetAddress.getLoopbackAddress()))
                : dns.addresses(host);
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), targets, hosts)
                .withTimeouts(CONNECT_TIMEOUT, Duration.ofSeconds(5))
                .withHealth(SessionHealth.DEFAULTS.withConnectionAttemptDelay(Duration.ofMillis(100))), inboxA);
        dns.register("a.test", a.localAddress().getPort());

        long start = System.nanoTime();
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(took).as("the delay and a dialback, far from the connect timeout").isLessThan(2_000);
        assertThat(a.sessions()).filteredOn(session -> session.direction() == SessionDirection.OUTBOUND)
                .singleElement()
                .satisfies(session -> assertThat(session.remoteAddress()).hasValueSatisfying(address ->
                        assertThat(address.getAddress()).isEqualTo(InetAddress.getLoopbackAddress())));
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void aFirstTargetThatDropsPacketsCostsTheAttemptDelayNotTheConnectTimeout() throws Exception {
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        int port = b.localAddress().getPort();
        InetAddress dropping = InetAddress.getByName("127.0.0.1");
        blackHole(new InetSocketAddress(dropping, 0));
        int droppingPort = blackHole.getLocalPort();
        // Two SRV targets: the preferred one behind a firewall that drops packets, the second where B listens.
        S2sTargetResolver targets = domain -> domain.equals("b.test")
                ? CompletableFuture.completedFuture(List.of(new S2sTarget("dropping.b.test", droppingPort, false),
                        new S2sTarget(HOST, port, false)))
                : dns.targets(domain);
        HostResolver hosts = host -> host.equals("dropping.b.test") ? CompletableFuture.completedFuture(List.of(dropping))
                : host.equals(HOST) ? CompletableFuture.completedFuture(List.of(InetAddress.getLoopbackAddress()))
                : dns.addresses(host);
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), targets, hosts)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5)), inboxA);
        dns.register("a.test", a.localAddress().getPort());

        long start = System.nanoTime();
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(took).as("the default attempt delay (250 ms) and a dialback, far from the 20 s connect timeout")
                .isLessThan(3_000);
        assertThat(a.sessions()).filteredOn(session -> session.direction() == SessionDirection.OUTBOUND)
                .singleElement()
                .satisfies(session -> assertThat(session.remoteAddress()).hasValueSatisfying(address ->
                        assertThat(address.getPort()).isEqualTo(port)));
    }

    @Test
    void aBackupTargetWhoseNameIsSlowToResolveDelaysNothing() throws Exception {
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        int port = b.localAddress().getPort();
        S2sTargetResolver targets = domain -> domain.equals("b.test")
                ? CompletableFuture.completedFuture(List.of(new S2sTarget(HOST, port, false),
                        new S2sTarget("backup.b.test", port, false)))
                : dns.targets(domain);
        // The backup's DNS server does not answer (yet): the preferred target must not wait for it.
        HostResolver hosts = host -> host.equals("backup.b.test") ? new CompletableFuture<>()
                : host.equals(HOST) ? CompletableFuture.completedFuture(List.of(InetAddress.getLoopbackAddress()))
                : dns.addresses(host);
        a = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), targets, hosts),
                inboxA);
        dns.register("a.test", a.localAddress().getPort());

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));

        assertThat(Stanzas.body(inboxB.next())).isEqualTo("hello");
        assertThat(inboxA.drain()).isEmpty();
    }

    /**
     * A listening socket (port 0: a free one) whose accept queue is full and never drained: the
     * kernel drops further SYNs, so a connection attempt neither succeeds nor fails until its own
     * timeout.
     */
    private void blackHole(InetSocketAddress address) throws IOException {
        blackHole = new ServerSocket();
        blackHole.bind(address, 1);
        InetSocketAddress bound = new InetSocketAddress(address.getAddress(), blackHole.getLocalPort());
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            backlog.add(filler);
            try {
                filler.connect(bound, 200);
            } catch (SocketTimeoutException full) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + bound + " never filled");
    }
}
