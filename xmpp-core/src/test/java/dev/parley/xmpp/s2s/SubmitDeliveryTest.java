package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S2sEngine#submit}: each stanza's fate comes back through the returned stage, acknowledged or bounced with the
 * condition and text its error reply would have had, and never through the {@link StanzaListener}; queued in order
 * with what {@link S2sEngine#send} queues, and always completed, closing included.
 */
@Timeout(30)
class SubmitDeliveryTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private ServerSocket silent;

    @AfterEach
    void closeSilent() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    private S2sEngine start(EngineConfig config, Inbox inbox) {
        S2sEngine engine = engines.start(config, inbox);
        config.localDomains().forEach(domain -> dns.register(domain, engine.localAddress().getPort()));
        return engine;
    }

    private EngineConfig config(String domain) {
        return EngineConfig.of(LOOPBACK, 0, Set.of(domain), dns, dns);
    }

    private static Delivery outcome(CompletionStage<Delivery> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aStanzaTheRemoteServerConfirmedIsReportedAcknowledged() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        start(config("b.test"), inboxB);

        Delivery delivery = outcome(a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello")));

        assertThat(delivery).isEqualTo(new Delivery.Acknowledged());
        assertThat(Stanzas.body(inboxB.next())).isEqualTo("hello");
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void anUnreachableDomainIsReportedBouncedAndNothingReachesTheListener() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);

        Delivery first = outcome(a.submit(Stanzas.message("alice@a.test", "bob@nowhere.test", "m1", "hello")));
        Delivery backedOff = outcome(a.submit(Stanzas.message("alice@a.test", "bob@nowhere.test", "m2", "again")));

        assertThat(first).isInstanceOfSatisfying(Delivery.Bounced.class, bounced -> {
            assertThat(bounced.condition()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
            assertThat(bounced.text()).contains("nowhere.test");
        });
        assertThat(backedOff).isInstanceOfSatisfying(Delivery.Bounced.class,
                bounced -> assertThat(bounced.text()).contains("(retrying after"));
        Thread.sleep(200);
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void anErrorStanzaThatCannotBeDeliveredIsReportedBouncedToo() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);

        Delivery delivery = outcome(a.submit(Stanzas.message("alice@a.test", "bob@nowhere.test", "e1", "error", "oops")));

        assertThat(delivery).isInstanceOf(Delivery.Bounced.class);
    }

    @Test
    void aRefusedDomainIsReportedBouncedWithNotAllowed() throws Exception {
        S2sEngine a = start(config("a.test").withRemoteDomains(domain -> Optional.of("not with " + domain)), inboxA);

        Delivery delivery = outcome(a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m1", "hello")));

        assertThat(delivery).isEqualTo(new Delivery.Bounced(StanzaErrorCondition.NOT_ALLOWED, "not with b.test"));
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void aFullQueueIsReportedBouncedWithResourceConstraint() throws Exception {
        S2sEngine a = start(config("a.test").withQueueBound(1), inboxA);
        silentPeer("slow.test");

        CompletionStage<Delivery> waiting = a.submit(Stanzas.message("alice@a.test", "bob@slow.test", "m1", "waits"));
        Delivery refused = outcome(a.submit(Stanzas.message("alice@a.test", "bob@slow.test", "m2", "one too many")));

        assertThat(refused).isInstanceOfSatisfying(Delivery.Bounced.class,
                bounced -> assertThat(bounced.condition()).isEqualTo(StanzaErrorCondition.RESOURCE_CONSTRAINT));
        assertThat(waiting.toCompletableFuture()).isNotDone();
    }

    @Test
    void closingTheEngineCompletesWhatStillWaits() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        silentPeer("slow.test");
        CompletionStage<Delivery> waiting = a.submit(Stanzas.message("alice@a.test", "bob@slow.test", "m1", "waits"));

        a.close();

        assertThat(outcome(waiting)).isInstanceOfSatisfying(Delivery.Bounced.class, bounced -> {
            assertThat(bounced.condition()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
            assertThat(bounced.text()).contains("shutting down");
        });
        assertThat(inboxA.drain()).isEmpty();
    }

    @Test
    void submittedAndSentStanzasKeepOneOrder() throws Exception {
        S2sEngine a = start(config("a.test"), inboxA);
        start(config("b.test"), inboxB);
        int count = 40;
        List<CompletionStage<Delivery>> submitted = new ArrayList<>();

        for (int i = 0; i < count; i++) {
            XmlElement stanza = Stanzas.message("alice@a.test", "bob@b.test", "m" + i, "stanza " + i);
            if (i % 2 == 0) {
                submitted.add(a.submit(stanza));
            } else {
                a.send(stanza);
            }
        }

        assertThat(inboxB.next(count)).extracting(Stanzas::body)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "stanza " + i).toList());
        for (CompletionStage<Delivery> stage : submitted) {
            assertThat(outcome(stage)).isEqualTo(new Delivery.Acknowledged());
        }
    }

    @Test
    void submitRefusesWhatSendRefuses() {
        S2sEngine a = start(config("a.test"), inboxA);

        assertThatThrownBy(() -> a.submit(Stanzas.message("alice@elsewhere.test", "bob@b.test", "m1", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'from' must be at a local domain");
        a.close();
        assertThatThrownBy(() -> a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m2", "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A server on 127.0.0.1 that accepts the connection and never speaks: stanzas wait for the stream. */
    private void silentPeer(String domain) throws IOException {
        silent = new ServerSocket(0, 5, LOOPBACK);
        dns.register(domain, silent.getLocalPort());
    }
}
