package dev.parley.xmpp.s2s;

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
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0199 keepalive: quiet outbound streams are pinged, pings are answered by the server, dead peers are noticed. */
@Timeout(30)
class PingKeepaliveTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private S2sEngine a;
    private S2sEngine b;
    private ServerSocket deadPeer;

    @AfterEach
    void stop() throws IOException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (deadPeer != null) {
            deadPeer.close();
        }
    }

    private static EngineConfig config(LoopbackDns dns, String domain, SessionHealth health) {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of(domain), dns, dns).withHealth(health);
    }

    @Test
    void peerEngineAnswersPingsItselfAndNeitherHostSeesThem() throws InterruptedException {
        SessionHealth health = SessionHealth.DEFAULTS.withPing(Duration.ofMillis(200), Duration.ofMillis(500));
        a = S2sEngine.start(config(dns, "a.test", health), inboxA);
        b = S2sEngine.start(config(dns, "b.test", health), inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello"));
        inboxB.next();
        Instant opened = outboundOpenedAt(a, "b.test");

        // Several ping intervals, each longer together with the ping timeout than a dead stream may live.
        Thread.sleep(2_000);

        assertThat(outboundOpenedAt(a, "b.test")).as("the same stream, never taken for dead").isEqualTo(opened);
        assertThat(b.sessions()).as("B answered over a stream of its own to A")
                .anySatisfy(session -> {
                    assertThat(session.direction()).isEqualTo(SessionDirection.OUTBOUND);
                    assertThat(session.peerDomains()).containsExactly("a.test");
                    assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED);
                });
        assertThat(inboxB.drain()).as("pings are not delivered to B's host").isEmpty();
        assertThat(inboxA.drain()).as("answers are not delivered to A's host").isEmpty();
    }

    @Test
    void closesTheStreamWhenThePeerStopsAnswering() throws Exception {
        deadPeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("dead.test", deadPeer.getLocalPort());
        CompletableFuture<String> afterAuthentication = CompletableFuture.supplyAsync(this::authenticateThenFallSilent);
        a = S2sEngine.start(config(dns, "a.test", SessionHealth.DEFAULTS.withPing(Duration.ofMillis(200),
                Duration.ofMillis(300))), inboxA);

        a.send(Stanzas.message("alice@a.test", "bob@dead.test", "m1", "hello"));
        Sessions.await(() -> a.sessions().stream().anyMatch(session -> session.state() == SessionState.AUTHENTICATED),
                Duration.ofSeconds(5));
        long start = System.nanoTime();
        Sessions.await(() -> a.sessions().isEmpty(), Duration.ofSeconds(5));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(took).as("ping interval + ping timeout, not much more").isLessThan(2_000);
        String sentAfterSilence = afterAuthentication.get(5, TimeUnit.SECONDS);
        assertThat(sentAfterSilence).contains("<iq").contains("urn:xmpp:ping");
        assertThat(inboxA.drain()).as("the stanza was confirmed before the silence: nothing bounced").isEmpty();
        assertThat(a.sessions()).as("nor sent again").isEmpty();
    }

    /**
     * The receiving server up to dialback "valid", the first stanza and the ping asking for its receipt, which it
     * answers on the same connection; then silence: it reads nothing until the engine gives up on it. Returns what
     * arrived after the answer.
     */
    private String authenticateThenFallSilent() {
        try (Socket socket = deadPeer.accept()) {
            ScriptedReceiver.acceptDialback(socket, "dead.test", "a.test");
            InputStream in = socket.getInputStream();
            ScriptedReceiver.readUntil(in, "</message>");
            String receipt = ScriptedReceiver.readUntil(in, "</iq>");
            String id = receipt.substring(receipt.indexOf("id='") + 4, receipt.indexOf('\'', receipt.indexOf("id='") + 4));
            socket.getOutputStream().write(("<iq type='result' id='" + id + "' from='dead.test' to='a.test'/>")
                    .getBytes(StandardCharsets.UTF_8));
            Thread.sleep(1_000);
            // Only now read what came meanwhile, up to the engine's end of the connection.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant outboundOpenedAt(S2sEngine engine, String domain) {
        return engine.sessions().stream().filter(session -> session.direction() == SessionDirection.OUTBOUND
                        && session.peerDomains().contains(domain))
                .findFirst().orElseThrow(() -> new AssertionError("no outbound session to " + domain)).openedAt();
    }
}
