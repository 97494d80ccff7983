package dev.parley.xmpp.s2s;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InboundBacklog} and {@link InboundBacklogs} on their own, with small bounds: when a stream stops and resumes
 * reading, for its own backlog and for the engine's, and when a held ping answer goes out.
 */
class InboundBacklogTest {

    private final HoldingHost host = new HoldingHost();
    /** What the streams told about their pauses, in order. */
    private final List<Boolean> pauses = new ArrayList<>();

    /** What sending an answer returns when it is written at once. */
    private static final CompletionStage<?> GONE = CompletableFuture.completedFuture(null);

    private static Supplier<CompletionStage<?>> counting(AtomicInteger answered) {
        return () -> {
            answered.incrementAndGet();
            return GONE;
        };
    }

    private InboundBacklog stream(EmbeddedChannel channel, InboundBacklogs engine, StanzaListener host,
                                  int mostWaiting) {
        InboundReadGate reading = new InboundReadGate();
        channel.pipeline().addLast(reading);
        return new InboundBacklog(channel, reading, engine, host, pauses::add, mostWaiting);
    }

    private static void hand(InboundBacklog stream, int count) {
        for (int i = 0; i < count; i++) {
            stream.hand(Stanzas.message("romeo@b.test", "juliet@a.test", "m" + i, "n" + i));
        }
    }

    @Test
    void aStreamStopsReadingAtItsBoundAndResumesAtHalf() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 4);

        hand(stream, 3);
        assertThat(channel.config().isAutoRead()).isTrue();
        hand(stream, 1);
        assertThat(channel.config().isAutoRead()).as("4 wait").isFalse();

        List<HoldingHost.Held> held = host.drain();
        held.get(0).taken().run();
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("3 wait").isFalse();
        held.get(1).taken().run();
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("2 wait, half the bound").isTrue();
        assertThat(pauses).as("told once when reading stopped, once when it resumed").containsExactly(true, false);
    }

    @Test
    void anAnswerCountsUntilOurStreamToThePeerTookItOffOurHands() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 2);
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();

        stream.afterAllTaken(() -> first);
        assertThat(channel.config().isAutoRead()).isTrue();
        stream.afterAllTaken(() -> second);
        assertThat(channel.config().isAutoRead()).as("two answers not written yet").isFalse();
        assertThat(stream.pausedForTheHost()).as("the peer does not read: its doing, not the host's").isFalse();
        assertThat(pauses).isEmpty();

        first.complete(null);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("one left, half the bound").isTrue();
    }

    @Test
    void aStreamThatEndsPausedSaysSoOnce() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 2);

        hand(stream, 2);
        channel.close();
        host.takeAll();
        channel.runPendingTasks();

        assertThat(pauses).containsExactly(true, false);
    }

    @Test
    void aPingIsAnsweredOnceEveryStanzaBeforeItWasTakenWhateverTheOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 100);
        AtomicInteger answered = new AtomicInteger();

        hand(stream, 3);
        stream.afterAllTaken(counting(answered));
        hand(stream, 1);
        stream.afterAllTaken(counting(answered));
        List<HoldingHost.Held> held = host.drain();

        held.get(2).taken().run();
        held.get(1).taken().run();
        held.get(3).taken().run();
        channel.runPendingTasks();
        assertThat(answered).as("the first stanza is not taken").hasValue(0);

        held.get(0).taken().run();
        held.get(0).taken().run();
        channel.runPendingTasks();
        assertThat(answered).hasValue(2);

        stream.afterAllTaken(counting(answered));
        assertThat(answered).as("nothing waits: answered at once").hasValue(3);
    }

    @Test
    void heldPingAnswersCountAgainstTheStreamsBound() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 4);

        hand(stream, 1);
        stream.afterAllTaken(() -> GONE);
        stream.afterAllTaken(() -> GONE);
        assertThat(channel.config().isAutoRead()).isTrue();
        stream.afterAllTaken(() -> GONE);

        assertThat(channel.config().isAutoRead()).as("a stanza and three answers wait").isFalse();
    }

    @Test
    void theEnginesBoundStopsEveryStreamThatHandsOverMoreUntilHalfIsTaken() {
        InboundBacklogs engine = new InboundBacklogs(4);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        InboundBacklog one = stream(first, engine, host, 100);
        InboundBacklog two = stream(second, engine, host, 100);

        hand(one, 3);
        hand(two, 2);
        assertThat(second.config().isAutoRead()).as("the fifth stanza is over the engine's bound").isFalse();
        assertThat(first.config().isAutoRead()).as("the first stream handed nothing since").isTrue();
        hand(one, 1);
        assertThat(first.config().isAutoRead()).isFalse();

        List<HoldingHost.Held> held = host.drain();
        held.subList(0, 3).forEach(each -> each.taken().run());
        first.runPendingTasks();
        second.runPendingTasks();
        assertThat(first.config().isAutoRead()).as("3 of 6 untaken: not yet half of 4").isFalse();
        held.get(3).taken().run();
        first.runPendingTasks();
        second.runPendingTasks();
        assertThat(first.config().isAutoRead()).isTrue();
        assertThat(second.config().isAutoRead()).isTrue();
        assertThat(engine.untaken()).isEqualTo(2);
    }

    @Test
    void whileOneStreamWaitsForTheEngineTheOthersStopAtTheirNextStanza() {
        InboundBacklogs engine = new InboundBacklogs(4);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        InboundBacklog one = stream(first, engine, host, 100);
        InboundBacklog two = stream(second, engine, host, 100);

        hand(one, 5);
        assertThat(first.config().isAutoRead()).isFalse();
        List<HoldingHost.Held> fromOne = host.drain();
        fromOne.subList(0, 2).forEach(each -> each.taken().run());
        first.runPendingTasks();
        hand(two, 1);

        assertThat(engine.untaken()).as("under the engine's bound again").isEqualTo(4);
        assertThat(second.config().isAutoRead()).as("but the first stream still waits for half").isFalse();
        fromOne.subList(2, 5).forEach(each -> each.taken().run());
        host.takeAll();
        first.runPendingTasks();
        second.runPendingTasks();
        assertThat(first.config().isAutoRead()).isTrue();
        assertThat(second.config().isAutoRead()).isTrue();
    }

    @Test
    void aPingAnswerThatFailsKeepsNeitherTheOtherAnswersNorTheStreamWaiting() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklog stream = stream(channel, new InboundBacklogs(100), host, 3);
        AtomicInteger answered = new AtomicInteger();

        hand(stream, 1);
        stream.afterAllTaken(() -> {
            throw new IllegalStateException("no outbound session");
        });
        stream.afterAllTaken(counting(answered));
        assertThat(channel.config().isAutoRead()).isFalse();
        host.takeAll();
        channel.runPendingTasks();

        assertThat(answered).hasValue(1);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aHostThatThrowsHasTakenTheStanza() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InboundBacklogs engine = new InboundBacklogs(100);
        InboundBacklog stream = stream(channel, engine, stanza -> {
            throw new IllegalStateException("the host is broken");
        }, 100);
        AtomicInteger answered = new AtomicInteger();

        hand(stream, 2);
        channel.runPendingTasks();
        stream.afterAllTaken(counting(answered));

        assertThat(answered).hasValue(1);
        assertThat(engine.untaken()).isZero();
    }
}
