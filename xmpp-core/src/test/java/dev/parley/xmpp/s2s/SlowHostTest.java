package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiving host slower than the sending server: the receiving engine answers the sender's receipt ping only once its
 * host took every stanza before it, so that the sender counts nothing as delivered that the host does not have; and
 * it stops reading while too many stanzas wait for the host, so that the sender is slowed down instead of refused.
 */
@Timeout(60)
class SlowHostTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final HoldingHost hostB = new HoldingHost();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private S2sEngine start(EngineConfig config, StanzaListener host) {
        S2sEngine engine = engines.start(config, host);
        config.localDomains().forEach(domain -> dns.register(domain, engine.localAddress().getPort()));
        return engine;
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns).withQueueBound(20_000);
    }

    private static List<CompletableFuture<Delivery>> submit(S2sEngine from, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> from.submit(Stanzas.message("alice@a.test", "bob@b.test", "m" + i, "n" + i))
                        .toCompletableFuture())
                .toList();
    }

    @Test
    void aStanzaIsAcknowledgedOnlyOnceTheReceivingHostTookIt() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        start(config("b.test"), hostB);

        List<CompletableFuture<Delivery>> verdicts = submit(a, 3);
        awaitHolding(3);
        Thread.sleep(1_500);

        assertThat(verdicts).as("nothing confirmed while the host holds the stanzas").noneMatch(CompletableFuture::isDone);
        List<HoldingHost.Held> held = hostB.drain();
        held.get(2).taken().run();
        held.get(1).taken().run();
        Thread.sleep(500);
        assertThat(verdicts).as("the first stanza is not taken yet").noneMatch(CompletableFuture::isDone);

        held.get(0).taken().run();
        for (CompletableFuture<Delivery> verdict : verdicts) {
            assertThat(verdict.get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        }
    }

    @Test
    void aSenderFasterThanTheHostIsSlowedDownAndLosesNothing() throws Exception {
        int count = 6_000;
        S2sEngine a = start(config("a.test"), inboxA);
        start(config("b.test"), hostB);

        List<CompletableFuture<Delivery>> verdicts = submit(a, count);
        int plateau = awaitPlateau();

        assertThat(plateau).as("the engine stops reading once its backlog is full")
                .isGreaterThanOrEqualTo(InboundBacklog.MOST_WAITING).isLessThan(count / 2);
        List<XmlElement> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(hostB.takeAll());
            Thread.sleep(5);
        }
        assertThat(received).extracting(Stanzas::body)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "n" + i).toList());
        for (CompletableFuture<Delivery> verdict : verdicts) {
            assertThat(verdict.get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        }
        assertThat(hostB.bounces()).isEmpty();
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void whileWeDoNotReadAPeerOurPingsToItAreNotTakenForUnanswered() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        S2sEngine b = start(config("b.test").withHealth(SessionHealth.DEFAULTS.withPing(Duration.ofMillis(200),
                Duration.ofMillis(300))), hostB);
        assertThat(b.submit(Stanzas.message("bob@b.test", "alice@a.test", "before", "before"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        inboxA.next();
        String outbound = sessionId(b, SessionDirection.OUTBOUND);

        List<CompletableFuture<Delivery>> flood = submit(a, InboundBacklog.MOST_WAITING);
        awaitHolding(InboundBacklog.MOST_WAITING);
        CompletableFuture<Delivery> reply = b.submit(Stanzas.message("bob@b.test", "alice@a.test", "while", "while"))
                .toCompletableFuture();
        assertThat(Stanzas.body(inboxA.next())).isEqualTo("while");
        assertThat(reply.get(10, TimeUnit.SECONDS)).as("acknowledged by stream management on B's own stream to A,"
                + " which B reads").isEqualTo(new Delivery.Acknowledged());
        // Many ping timeouts: A's answers to B's keepalive pings wait unread on A's stream to B, which B stopped reading.
        Thread.sleep(2_000);

        assertThat(sessionId(b, SessionDirection.OUTBOUND)).as("B's stream to A, never taken for dead")
                .isEqualTo(outbound);
        hostB.takeAll();
        awaitAll(flood);
        assertThat(inboxA.drain()).as("nothing written to A twice").isEmpty();
    }

    @Test
    void aStreamWeDoNotReadIsNotClosedAsIdle() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        S2sEngine b = start(config("b.test").withHealth(SessionHealth.DEFAULTS.withPing(Duration.ofMillis(200), Duration.ofMillis(300))
                .withIdleTimeout(Duration.ofMillis(500))),
                hostB);

        List<CompletableFuture<Delivery>> flood = submit(a, InboundBacklog.MOST_WAITING);
        awaitHolding(InboundBacklog.MOST_WAITING);
        String inbound = sessionId(b, SessionDirection.INBOUND);
        Thread.sleep(2_000);

        assertThat(sessionId(b, SessionDirection.INBOUND)).as("the paused stream from A, still open")
                .isEqualTo(inbound);
        awaitAll(flood);
        assertThat(hostB.bounces()).isEmpty();
    }

    @Test
    void aPeerPipeliningPingsFasterThanItReadsOurAnswersIsSlowedDownAndLosesNoAnswer() throws Exception {
        int count = 200_000;
        HoldingHost hostA = new HoldingHost();
        S2sEngine a = start(config("a.test").withQueueBound(2 * count), hostA);
        start(config("b.test"), inboxA);

        for (int i = 0; i < count; i++) {
            a.send(ServerPings.request("a.test", "b.test", "flood-" + i));
        }
        // A's host holds B's answers: A stops reading them, B's stream to A backs up, and B must stop reading A's pings
        // rather than let its answers pile up without bound or drop them.
        Thread.sleep(2_000);
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (answered.size() < count && System.nanoTime() < deadline) {
            hostA.takeAll().forEach(answer -> assertThat(answered.add(answer.attribute("id").orElseThrow()))
                    .as("answered once").isTrue());
            Thread.sleep(5);
        }
        assertThat(answered).hasSize(count);
        assertThat(inboxA.drain()).as("pings never reach B's host").isEmpty();
    }

    @Test
    void ourAnswersToAPeerDoNotWaitBehindStanzasThatWaitForItsReceipts() throws Exception {
        int pings = 5_000;
        HoldingHost hostA = new HoldingHost();
        S2sEngine a = start(config("a.test").withQueueBound(2 * pings), hostA);
        S2sEngine b = start(config("b.test").withQueueBound(50), inboxA);
        assertThat(a.submit(Stanzas.message("alice@a.test", "bob@b.test", "hello", "hello")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        inboxA.next();

        // A's host holds B's stanzas, so A holds the answer to B's receipt ping: B waits for receipts, its queue full.
        List<CompletableFuture<Delivery>> fromB = IntStream.range(0, 50)
                .mapToObj(i -> b.submit(Stanzas.message("bob@b.test", "alice@a.test", "b" + i, "b" + i))
                        .toCompletableFuture())
                .toList();
        long holding = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hostA.holding() < 50 && System.nanoTime() < holding) {
            Thread.sleep(10);
        }
        for (int i = 0; i < pings; i++) {
            a.send(ServerPings.request("a.test", "b.test", "ping-" + i));
        }
        Thread.sleep(1_000);

        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((answered.size() < pings || !fromB.stream().allMatch(CompletableFuture::isDone))
                && System.nanoTime() < deadline) {
            hostA.takeAll().stream().map(stanza -> stanza.attribute("id").orElseThrow())
                    .filter(id -> id.startsWith("ping-")).forEach(answered::add);
            Thread.sleep(5);
        }
        assertThat(answered).as("every ping answered").hasSize(pings);
        for (CompletableFuture<Delivery> verdict : fromB) {
            assertThat(verdict.getNow(null)).as("within the ping timeout, without a new stream")
                    .isEqualTo(new Delivery.Acknowledged());
        }
    }

    /**
     * An administrator closes our stream while its last stanza waits at the remote server: the next stream is up at
     * once, but writes nothing before the closed one's receipt, since the remote server reads the two streams in
     * parallel and a stanza on the new one would overtake the one still on the old.
     */
    @Test
    void aStreamOpenedAfterAnAdministratorsCloseWritesNothingBeforeTheClosedOnesReceipt() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        start(config("b.test"), hostB);
        CompletableFuture<Delivery> first = a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m1", "first"))
                .toCompletableFuture();
        awaitHolding(1);
        String closed = sessionId(a, SessionDirection.OUTBOUND);

        assertThat(a.closeSession(closed)).isTrue();
        CompletableFuture<Delivery> second = a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m2", "second"))
                .toCompletableFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (a.sessions().stream().noneMatch(session -> session.direction() == SessionDirection.OUTBOUND
                && session.state() == SessionState.AUTHENTICATED) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sessionId(a, SessionDirection.OUTBOUND)).isNotEqualTo(closed);
        Thread.sleep(500);

        assertThat(hostB.holding()).as("the second stanza waits for the first one's receipt").isEqualTo(1);
        assertThat(hostB.takeAll()).extracting(Stanzas::body).containsExactly("first");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        awaitHolding(1);
        assertThat(hostB.takeAll()).extracting(Stanzas::body).containsExactly("second");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
    }

    /** Takes what B's host is handed until every verdict is in; each must be an acknowledgement. */
    private void awaitAll(List<CompletableFuture<Delivery>> verdicts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!verdicts.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < deadline) {
            hostB.takeAll();
            Thread.sleep(5);
        }
        for (CompletableFuture<Delivery> verdict : verdicts) {
            assertThat(verdict.get(1, TimeUnit.SECONDS)).isEqualTo(new Delivery.Acknowledged());
        }
    }

    private static String sessionId(S2sEngine engine, SessionDirection direction) {
        return engine.sessions().stream().filter(session -> session.direction() == direction)
                .map(SessionInfo::id).reduce((first, second) -> {
                    throw new AssertionError("more than one " + direction + " session: " + engine.sessions());
                }).orElseThrow(() -> new AssertionError("no " + direction + " session"));
    }

    private void awaitHolding(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hostB.holding() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hostB.holding()).isEqualTo(count);
    }

    /** Waits until the host is handed no more for a second; returns how many it holds then. */
    private int awaitPlateau() throws InterruptedException {
        int before = -1;
        int now = hostB.holding();
        while (now != before || now == 0) {
            Thread.sleep(1_000);
            before = now;
            now = hostB.holding();
        }
        return now;
    }
}
