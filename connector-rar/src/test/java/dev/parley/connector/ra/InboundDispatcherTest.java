package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inbound stanzas reach the MDB in order per sender, wait while it is away, and are never dropped silently. */
class InboundDispatcherTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final InboundDispatcher dispatcher = new InboundDispatcher(workers,
            (stanza, condition, text) -> refused.add(body(stanza) + " " + condition.elementName() + " " + text),
            Duration.ofMillis(10));
    private final RecordingEndpoints mdb = new RecordingEndpoints();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    /** Waits up to five seconds for {@code condition}, which worker threads make true. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 5 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private static XmlElement message(String from, String body) {
        return new XmlElement("message", "jabber:server",
                List.of(XmlAttribute.of("from", from), XmlAttribute.of("to", "alice@parley.test")),
                List.of(new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText(body)))));
    }

    private static String body(XmlElement stanza) {
        return stanza.elements().get(0).text();
    }

    private List<String> delivered() {
        return mdb.stanzas.stream().map(InboundDispatcherTest::body).toList();
    }

    @Test
    void stanzasThatArriveBeforeTheMdbIsActiveWaitForItInOrder() {
        IntStream.range(0, 50).forEach(i -> dispatcher.onStanza(message("rita@prosody.test/a", "m" + i)));
        assertThat(dispatcher.waiting()).isEqualTo(50);

        dispatcher.activate(mdb);

        eventually(() -> mdb.stanzas.size() == 50);
        assertThat(delivered()).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
        assertThat(refused).isEmpty();
    }

    @Test
    void eachSendersStanzasKeepTheirOrderWhileSendersInterleave() {
        dispatcher.activate(mdb);
        for (int i = 0; i < 200; i++) {
            dispatcher.onStanza(message("user" + (i % 7) + "@remote.test/r", (i % 7) + ":" + i));
        }

        eventually(() -> mdb.stanzas.size() == 200);
        for (int sender = 0; sender < 7; sender++) {
            String prefix = sender + ":";
            List<Integer> order = delivered().stream().filter(b -> b.startsWith(prefix))
                    .map(b -> Integer.parseInt(b.substring(prefix.length()))).toList();
            assertThat(order).isSorted();
        }
    }

    @Test
    void aStanzaTheApplicationKeepsFailingOnGoesBackToItsSenderAndTheRestFlows() {
        mdb.failOn(stanza -> body(stanza).equals("poison"));
        dispatcher.onStanza(message("rita@prosody.test/a", "before"));
        dispatcher.onStanza(message("rita@prosody.test/a", "poison"));
        dispatcher.onStanza(message("rita@prosody.test/a", "after"));

        dispatcher.activate(mdb);

        eventually(() -> mdb.stanzas.size() == 2 && refused.size() == 1);
        assertThat(delivered()).containsExactly("before", "after");
        assertThat(refused).containsExactly("poison internal-server-error " + InboundDispatcher.FAILED);
        assertThat(mdb.calls.get()).as("the three together once, then one by one").isEqualTo(1 + 2 + Lane.ATTEMPTS);
    }

    @Test
    void aBurstThatWaitsIsHandedOverAHundredAtATimeInOrder() {
        IntStream.range(0, 250).forEach(i -> dispatcher.onStanza(message("rita@prosody.test/a", "m" + i)));

        dispatcher.activate(mdb);

        eventually(() -> mdb.stanzas.size() == 250);
        assertThat(delivered()).containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(i -> "m" + i).toList());
        assertThat(mdb.calls.get()).isEqualTo(3);
    }

    @Test
    void aFailureThatPassesIsRetriedNotRefused() {
        List<String> failedOnce = new CopyOnWriteArrayList<>();
        mdb.failOn(stanza -> failedOnce.add(body(stanza)) && failedOnce.size() == 1);
        dispatcher.activate(mdb);

        dispatcher.onStanza(message("rita@prosody.test/a", "flaky"));

        eventually(() -> mdb.stanzas.size() == 1);
        assertThat(delivered()).containsExactly("flaky");
        assertThat(refused).isEmpty();
    }

    @Test
    void whileTheMdbIsRedeployedStanzasWaitForItsSuccessor() {
        mdb.unavailable(true);
        dispatcher.activate(mdb);
        dispatcher.onStanza(message("rita@prosody.test/a", "during redeploy"));
        eventually(() -> dispatcher.waiting() == 1);

        dispatcher.deactivate(mdb);
        RecordingEndpoints successor = new RecordingEndpoints();
        dispatcher.activate(successor);

        eventually(() -> successor.stanzas.size() == 1);
        assertThat(refused).isEmpty();
    }

    @Test
    void aFullLaneReturnsTheStanzaWithARetryableError() {
        String sender = "flood@remote.test/x";
        IntStream.range(0, InboundDispatcher.STANZAS_PER_LANE).forEach(i -> dispatcher.onStanza(message(sender, "m" + i)));
        assertThat(refused).isEmpty();

        dispatcher.onStanza(message(sender, "one too many"));

        assertThat(refused).containsExactly("one too many resource-constraint " + InboundDispatcher.FULL);
        assertThat(StanzaErrorCondition.RESOURCE_CONSTRAINT.defaultType().xmlValue()).isEqualTo("wait");
    }

    @Test
    void stanzasBeyondTheSizeBudgetGoBackWithARetryableErrorAndTheBudgetIsGivenBack() {
        InboundDispatcher small = new InboundDispatcher(workers,
                (stanza, condition, text) -> refused.add(body(stanza) + " " + condition.elementName()),
                Duration.ofMillis(10), 2_000);
        String big = "x".repeat(1_500);

        small.onStanza(message("rita@prosody.test/a", big));
        small.onStanza(message("eddie@ejabberd.test/b", big));

        assertThat(refused).containsExactly(big + " resource-constraint");
        small.activate(mdb);
        eventually(() -> mdb.stanzas.size() == 1);
        small.onStanza(message("eddie@ejabberd.test/b", "fits again"));
        eventually(() -> mdb.stanzas.size() == 2);
        assertThat(refused).hasSize(1);
    }

    @Test
    void atShutdownWhatStillWaitsGoesBackWithARetryableError() {
        dispatcher.onStanza(message("rita@prosody.test/a", "late"));

        dispatcher.refuseWaiting();

        assertThat(refused).containsExactly("late resource-constraint " + InboundDispatcher.SHUTTING_DOWN);
        assertThat(dispatcher.waiting()).isZero();
    }

    @Test
    void theEngineHearsAStanzaWasTakenOnlyOnceTheMdbTookItOrItsSenderWasAnswered() {
        mdb.failOn(stanza -> body(stanza).equals("poison"));
        List<String> taken = new CopyOnWriteArrayList<>();

        dispatcher.onStanza(message("rita@prosody.test/a", "stored"), () -> taken.add("stored"));
        dispatcher.onStanza(message("rita@prosody.test/a", "poison"),
                () -> taken.add("poison after " + refused.size() + " refusal"));
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        assertThat(taken).as("the MDB is not active yet").isEmpty();

        dispatcher.activate(mdb);

        eventually(() -> taken.size() == 2);
        assertThat(taken).containsExactly("stored", "poison after 1 refusal");
        assertThat(delivered()).containsExactly("stored");
    }

    @Test
    void aStanzaRefusedForWantOfRoomOrAtShutdownIsTakenToo() {
        InboundDispatcher small = new InboundDispatcher(workers,
                (stanza, condition, text) -> refused.add(body(stanza) + " " + condition.elementName()),
                Duration.ofMillis(10), 2_000);
        List<String> taken = new CopyOnWriteArrayList<>();

        small.onStanza(message("rita@prosody.test/a", "x".repeat(1_500)), () -> taken.add("waits"));
        small.onStanza(message("eddie@ejabberd.test/b", "y".repeat(1_500)), () -> taken.add("too big"));
        assertThat(taken).containsExactly("too big");

        small.refuseWaiting();
        assertThat(taken).containsExactly("too big", "waits");
        assertThat(refused).hasSize(2);
    }

    @Test
    void aStanzaWhoseErrorCannotBeSentIsTakenAllTheSameAndTheLaneGoesOn() {
        InboundDispatcher failingRefusals = new InboundDispatcher(workers, (stanza, condition, text) -> {
            throw new IllegalStateException("the engine is closing");
        }, Duration.ofMillis(10));
        mdb.failOn(stanza -> body(stanza).equals("poison"));
        List<String> taken = new CopyOnWriteArrayList<>();

        failingRefusals.onStanza(message("rita@prosody.test/a", "poison"), () -> taken.add("poison"));
        failingRefusals.onStanza(message("rita@prosody.test/a", "after"), () -> taken.add("after"));
        failingRefusals.activate(mdb);

        eventually(() -> taken.size() == 2);
        assertThat(taken).containsExactly("poison", "after");
        assertThat(delivered()).containsExactly("after");
    }
}
