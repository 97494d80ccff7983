package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ping-acknowledged delivery: a stanza counts as delivered only once the remote server answered a ping written after
 * it; what a stream leaves unconfirmed when it dies goes out again on the next one, in order, so a remote server that
 * hangs and dies loses nothing.
 */
@Timeout(30)
class DeliveryReceiptsTest {

    private static final Delivery ACKNOWLEDGED = new Delivery.Acknowledged();

    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final LoopbackDns dns = new LoopbackDns();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private ServerSocket hungPeer;

    @AfterEach
    void closeHungPeer() throws IOException {
        if (hungPeer != null) {
            hungPeer.close();
        }
    }

    @Test
    void aWrittenStanzaIsAcknowledgedOnlyByTheAnswerToAPingWrittenAfterIt() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config(), new EmbeddedChannel());
        CompletableFuture<Delivery> first = embedded.submit("m1");
        embedded.authenticate();
        embedded.channel.runPendingTasks();

        assertThat(embedded.writtenIds()).containsExactly("m1");
        assertThat(embedded.pingIds()).as("asked right behind it").hasSize(1);
        assertThat(first).as("written is not delivered").isNotDone();

        CompletableFuture<Delivery> second = embedded.submit("m2");
        embedded.channel.runPendingTasks();
        assertThat(embedded.pingIds()).as("one ping out at a time").hasSize(1);

        embedded.answer(embedded.pingIds().get(0));
        assertThat(first).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(second).as("written after that ping: waits for the next").isNotDone();
        assertThat(embedded.pingIds()).as("the next asked at once").hasSize(2);

        embedded.answer(embedded.pingIds().get(1));
        assertThat(second).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void anUnansweredPingEndsTheStreamAndHandsOnWhatItHadNotConfirmedInOrder() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config()
                .withHealth(SessionHealth.DEFAULTS.withPing(Duration.ofMinutes(5), Duration.ofSeconds(2))),
                new EmbeddedChannel());
        CompletableFuture<Delivery> confirmed = embedded.submit("m1");
        embedded.authenticate();
        embedded.confirmAll();
        List<CompletableFuture<Delivery>> unconfirmed = List.of(embedded.submit("m2"), embedded.submit("m3"));
        embedded.channel.runPendingTasks();

        embedded.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        embedded.channel.runScheduledPendingTasks();

        assertThat(confirmed).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.channel.isOpen()).as("taken for dead").isFalse();
        assertThat(embedded.handedOn).singleElement().satisfies(again -> {
            assertThat(again).extracting(stanza -> stanza.stanza().attribute("id").orElseThrow())
                    .containsExactly("m2", "m3");
            assertThat(again).extracting(Outgoing::fate).extracting(fate -> fate.orElseThrow())
                    .containsExactlyElementsOf(unconfirmed);
        });
        assertThat(unconfirmed).as("still waiting, for the next stream").noneMatch(CompletableFuture::isDone);
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void noMoreThanTheQueueBoundWaitsForAReceipt() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config().withQueueBound(100),
                new EmbeddedChannel());
        List<CompletableFuture<Delivery>> fates = new ArrayList<>(List.of(embedded.submit("m0")));
        embedded.authenticate();
        embedded.channel.runPendingTasks();
        IntStream.range(1, 100).forEach(i -> fates.add(embedded.submit("m" + i)));
        embedded.channel.runPendingTasks();
        IntStream.range(100, 150).forEach(i -> fates.add(embedded.submit("m" + i)));
        embedded.channel.runPendingTasks();
        int writtenBeforeReceipt = embedded.writtenIds().size();

        embedded.confirmAll();

        assertThat(writtenBeforeReceipt).isEqualTo(100);
        assertThat(embedded.writtenIds()).hasSize(150);
        assertThat(fates).allSatisfy(fate -> assertThat(fate).isCompletedWithValue(ACKNOWLEDGED));
    }

    @Test
    void anAdministratorsCloseWaitsForTheReceiptOfWhatItWrote() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config(), new EmbeddedChannel());
        CompletableFuture<Delivery> first = embedded.submit("m0");
        embedded.authenticate();
        embedded.confirmAll();
        CompletableFuture<Delivery> queued = embedded.submit("m1");

        assertThat(embedded.link.closeByAdministrator()).as("a receipt is awaited").isTrue();
        embedded.channel.runPendingTasks();
        assertThat(first).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.writtenIds()).containsExactly("m0", "m1");
        assertThat(queued).isNotDone();

        embedded.answer(embedded.pingIds().get(embedded.pingIds().size() - 1));

        assertThat(queued).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.link.awaitsReceipt()).isFalse();
        assertThat(embedded.handedOn).containsExactly(List.of());
    }

    @Test
    void aLinkWritesOnlyAnswersToPingsUntilTheLinkBeforeItSettled() {
        CompletableFuture<Void> predecessor = new CompletableFuture<>();
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config(), new EmbeddedChannel(),
                predecessor);
        CompletableFuture<Delivery> held = embedded.submit("m1");
        embedded.authenticate();
        CompletableFuture<Delivery> answerGone = new CompletableFuture<>();
        embedded.link.send("a.test", Outgoing.pingAnswer(new XmlElement("iq", XmppNamespaces.SERVER,
                List.of(XmlAttribute.of("type", "result"), XmlAttribute.of("id", "their-ping"),
                        XmlAttribute.of("from", "a.test"), XmlAttribute.of("to", "b.test")), List.of()), answerGone));
        embedded.channel.runPendingTasks();

        assertThat(embedded.writtenIds()).as("held back").isEmpty();
        assertThat(embedded.written()).anyMatch(element -> element.getAttribute("id").equals("their-ping"));
        assertThat(answerGone).isDone();

        predecessor.complete(null);
        embedded.confirmAll();

        assertThat(embedded.writtenIds()).containsExactly("m1");
        assertThat(held).isCompletedWithValue(ACKNOWLEDGED);
    }

    @Test
    void shutdownSettlesWhatWasWrittenAndBouncesWhatWasNotForItsSenderToRetry() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config(), new EmbeddedChannel());
        CompletableFuture<Delivery> written = embedded.submit("m1");
        embedded.authenticate();
        embedded.channel.runPendingTasks();
        CompletableFuture<Delivery> queued = embedded.submit("m2");

        embedded.link.shutdown();

        assertThat(written).as("no receipt will come, and sending it again would mostly double it")
                .isCompletedWithValue(new Delivery.Written());
        assertThat(queued).isCompletedWithValue(new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                "the stream to b.test ended before the stanza was sent: this server is shutting down"));
        assertThat(embedded.writtenIds()).as("nothing more written").containsExactly("m1");
    }

    /**
     * A stanza that saw its last stream end unconfirmed bounces for its sender to try again later; its sender's later
     * stanzas bounce with it rather than overtake it on the next stream. Another sender's go on.
     */
    @Test
    void aStanzaBouncedAfterItsLastStreamTakesItsSendersLaterStanzasWithIt() {
        EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inboxA), EmbeddedLink.config(), new EmbeddedChannel());
        CompletableFuture<Delivery> worn = new CompletableFuture<>();
        embedded.link.takeBack(List.of(Outgoing.tracked(Stanzas.message("alice@a.test/desk", "bob@b.test", "m1", "m1"),
                worn).onceMore().onceMore()));
        CompletableFuture<Delivery> behind = embedded.submit("m2");
        CompletableFuture<Delivery> otherSender = new CompletableFuture<>();
        embedded.link.send("a.test", Outgoing.tracked(Stanzas.message("carol@a.test", "bob@b.test", "m3", "m3"),
                otherSender));
        embedded.authenticate();
        embedded.channel.runPendingTasks();
        assertThat(embedded.writtenIds()).containsExactly("m1", "m2", "m3");

        embedded.link.broken("the connection broke");

        assertThat(worn).isCompletedWithValueMatching(fate -> fate instanceof Delivery.Bounced bounced
                && bounced.condition() == StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
        assertThat(behind).as("alice's later stanza, from another resource").isCompletedWithValueMatching(fate ->
                fate instanceof Delivery.Bounced bounced && bounced.text().contains("keep their order"));
        assertThat(embedded.handedOn).singleElement().satisfies(again ->
                assertThat(again).extracting(Outgoing::fate).containsExactly(Optional.of(otherSender)));
        assertThat(otherSender).isNotDone();
    }

    /**
     * A remote server without stream management (played by hand) answers our pings on its stream to us, or as here on
     * ours: once our listener is closed, as when the host stops, no answer can be counted on, so what is written is
     * settled as written rather than waited for. With stream management the answers come on our stream instead
     * ({@link OutboundStreamManagementTest}).
     */
    @Test
    void afterTheListenerClosedWhatIsWrittenIsNotWaitedForNorBounced() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                    .withHealth(SessionHealth.DEFAULTS.withDrainTimeout(Duration.ofSeconds(10))), inboxA);
            dns.register("a.test", a.localAddress().getPort()).register("b.test", peer.getLocalPort());
            CompletableFuture<Delivery> first = a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m1", "first"))
                    .toCompletableFuture();
            try (Socket b = peer.accept()) {
                ScriptedReceiver.acceptDialback(b, "b.test", "a.test");
                String ping = ScriptedReceiver.readUntil(b.getInputStream(), "</iq>");
                Matcher pingId = Pattern.compile("id='(ping-[^']+)'").matcher(ping);
                assertThat(pingId.find()).as("a ping asks for the receipt: " + ping).isTrue();
                ScriptedReceiver.write(b, "<iq type='result' from='b.test' to='a.test' id='" + pingId.group(1) + "'/>");
                assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(ACKNOWLEDGED);

                // As a host stopping: no answer to a ping of ours can be counted on any more.
                a.closeInbound();
                CompletableFuture<Delivery> second = a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m2",
                        "second")).toCompletableFuture();
                assertThat(ScriptedReceiver.readUntil(b.getInputStream(), "</message>")).contains("second");
                assertThat(second.get(5, TimeUnit.SECONDS)).as("settled at once: no receipt can reach us")
                        .isEqualTo(new Delivery.Written());
                assertThat(a.sessions()).as("the stream is not taken for dead")
                        .anyMatch(session -> session.direction() == SessionDirection.OUTBOUND);
                long start = System.nanoTime();
                a.close();

                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                        .as("no wait for receipts that cannot come").isLessThan(5_000);
                assertThat(second).isCompletedWithValue(new Delivery.Written());
                assertThat(inboxA.drain()).isEmpty();
            }
        }
    }

    /**
     * The receiving server drops the stream in the middle of 1,000 stanzas from one sender: what the stream had not had
     * confirmed goes out again on the next one ahead of everything after it, so the sender's stanzas arrive complete
     * and in order; the only copies are of stanzas the server took just before it dropped the stream (at least once).
     */
    @Test
    void oneSendersStanzasArriveCompleteAndInOrderAcrossAForcedReconnect() throws Exception {
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns),
                inboxA);
        S2sEngine b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns),
                inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
        int count = 1_000;
        List<CompletableFuture<Delivery>> fates = new ArrayList<>();
        List<Integer> arrived = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fates.add(a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m" + i, Integer.toString(i)))
                    .toCompletableFuture());
            if (i == count / 2) {
                arrived.add(Integer.parseInt(Stanzas.body(inboxB.next())));
                String inbound = b.sessions().stream().filter(session -> session.direction() == SessionDirection.INBOUND
                        && session.peerDomains().contains("a.test")).findFirst().orElseThrow().id();
                assertThat(b.closeSession(inbound)).isTrue();
            }
        }

        while (arrived.stream().distinct().count() < count) {
            arrived.add(Integer.parseInt(Stanzas.body(inboxB.next())));
        }

        List<Integer> firstArrivals = arrived.stream().distinct().toList();
        assertThat(firstArrivals).as("complete and in order").isEqualTo(IntStream.range(0, count).boxed().toList());
        for (int i = 1; i < arrived.size(); i++) {
            if (arrived.get(i) <= arrived.get(i - 1)) {
                // a copy: the next stream starts again from the oldest stanza the old one had not had confirmed
                int resumedAt = arrived.get(i);
                assertThat(arrived.subList(i, arrived.size()).stream().distinct().toList()).as("in order from there")
                        .isEqualTo(IntStream.range(resumedAt, count).boxed().toList());
            }
        }
        for (CompletableFuture<Delivery> fate : fates) {
            assertThat(fate.get(10, TimeUnit.SECONDS)).isEqualTo(ACKNOWLEDGED);
        }
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
    }

    /**
     * The case: a remote server takes our stanzas and hangs, then dies; when it is back, every stanza it never
     * confirmed arrives, once each and in order, and no sender hears of a failure.
     */
    @Test
    void stanzasWrittenToAServerThatHangsAndDiesArriveOnceItIsBack() throws Exception {
        hungPeer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("b.test", hungPeer.getLocalPort());
        CompletableFuture<String> readByTheHungPeer = new CompletableFuture<>();
        Thread peer = new Thread(() -> takeStanzasAndHang(readByTheHungPeer), "hung peer");
        peer.setDaemon(true);
        peer.start();
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withHealth(SessionHealth.DEFAULTS.withPing(Duration.ofMinutes(5), Duration.ofSeconds(2))), inboxA);
        dns.register("a.test", a.localAddress().getPort());
        List<String> bodies = IntStream.rangeClosed(1, 50).mapToObj(i -> "message " + i).toList();
        List<CompletableFuture<Delivery>> fates = new ArrayList<>();
        bodies.forEach(body -> fates.add(a.submit(Stanzas.message("alice@a.test", "bob@b.test", body, body))
                .toCompletableFuture()));
        assertThat(readByTheHungPeer.get(10, TimeUnit.SECONDS)).as("the hung server had them all")
                .contains("message 50");

        // Back, at another address: the next stream goes there.
        S2sEngine b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns),
                inboxB);
        dns.register("b.test", b.localAddress().getPort());

        assertThat(inboxB.next(bodies.size())).extracting(Stanzas::body).containsExactlyElementsOf(bodies);
        for (CompletableFuture<Delivery> fate : fates) {
            assertThat(fate.get(5, TimeUnit.SECONDS)).isEqualTo(ACKNOWLEDGED);
        }
        Thread.sleep(300);
        assertThat(inboxB.drain()).as("none twice").isEmpty();
        assertThat(inboxA.drain()).as("nothing bounced").isEmpty();
    }

    /**
     * Plays b.test up to dialback "valid", reads until the last message and tells {@code read} what it read, then
     * answers nothing until the engine gives up on it, and dies.
     */
    private void takeStanzasAndHang(CompletableFuture<String> read) {
        try (Socket socket = hungPeer.accept()) {
            ScriptedReceiver.acceptDialback(socket, "b.test", "a.test");
            InputStream in = socket.getInputStream();
            read.complete(ScriptedReceiver.readUntil(in, "message 50</body></message>"));
            while (in.read() >= 0) {
                // hung: whatever comes now is never processed
            }
        } catch (IOException e) {
            read.completeExceptionally(e);
        }
    }
}
