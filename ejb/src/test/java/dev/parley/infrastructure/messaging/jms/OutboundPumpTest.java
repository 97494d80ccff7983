package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.routing.RetryPolicy;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound consumer's session work against a real Artemis broker, embedded as WildFly embeds it, with a routing
 * whose remote servers the test plays: one that confirms every stanza a moment later (a busy server), one that never
 * answers (a silent one).
 */
class OutboundPumpTest {

    private static final String QUEUE = "ParleyToFederation";
    private static final String BUSY = "busy.test";
    private static final String SILENT = "silent.test";
    private static final String TARPIT = "tarpit.test";
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private final Routing routing = new Routing();
    private final DeadLetters deadLetters = new DeadLetters();
    /** Persistent, as the server's: what the consumer sends back to the queue waits for the journal as it does there. */
    @TempDir
    Path journal;
    private EmbeddedBroker broker;
    private Connection connection;
    private Thread pump;
    private volatile boolean running = true;

    @BeforeEach
    void startBrokerAndPump() throws Exception {
        broker = EmbeddedBroker.startPersistent(journal);
        connection = broker.connections().createConnection();
        Session session = connection.createSession(false, OutboundQueueConsumer.INDIVIDUAL_ACKNOWLEDGE);
        Queue queue = session.createQueue(QUEUE);
        RequeueBatch requeue = new RequeueBatch(connection.createSession(true, Session.SESSION_TRANSACTED), queue);
        OutboundPump work = new OutboundPump(session.createConsumer(queue), requeue, routing,
                deadLetters, new StanzasInFlight(OutboundQueueConsumer.IN_FLIGHT,
                OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN, OutboundQueueConsumer.WAITING_PER_BUSY_DOMAIN));
        connection.start();
        pump = new Thread(() -> run(work, () -> running), "outbound pump under test");
        pump.start();
    }

    private static void run(OutboundPump work, BooleanSupplier running) {
        try {
            work.run(running);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        running = false;
        pump.join(5_000);
        connection.close();
        broker.close();
    }

    @Test
    void aBurstToABusyServerBeyondItsShareWaitsForRoomInOrderWithoutRetries() throws Exception {
        int burst = 6_000;
        sendChats("alice@ours.test", BUSY, burst);

        assertThat(routing.awaitDelivered(BUSY, burst)).as("delivered to the busy server").isEqualTo(burst);
        assertThat(routing.handedOn(BUSY)).as("in the order queued")
                .containsExactlyElementsOf(IntStream.range(0, burst).mapToObj(i -> "m" + i).toList());
        assertThat(routing.retried()).as("stanzas sent round the queue for another try").isEmpty();
    }

    @Test
    void aBusyServerWhoseSessionTakesSecondsToSetUpGetsEveryStanzaInOrder() throws Exception {
        routing.setUpTakes(StanzasInFlight.SILENT_AFTER.plusSeconds(1));
        routing.retryAfter(Duration.ofSeconds(1), Duration.ofSeconds(4));
        int burst = 4_000;
        sendChats("alice@ours.test", BUSY, burst);

        assertThat(routing.awaitDelivered(BUSY, burst)).isEqualTo(burst);
        // Its share with the engine and as many again wait for the first verdict; the rest went round the queue.
        assertThat(routing.handedOn(BUSY)).as("each once, in the order queued")
                .containsExactlyElementsOf(IntStream.range(0, burst).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void aDomainThatNeverAnswersHoldsUpAnotherDomainsStanzasOnlyBriefly() throws Exception {
        int tarpit = OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN + OutboundQueueConsumer.WAITING_PER_BUSY_DOMAIN + 500;
        sendChats("alice@ours.test", TARPIT, tarpit);
        sendChats("bob@ours.test", BUSY, 10);
        long started = System.nanoTime();

        assertThat(routing.awaitDelivered(BUSY, 10)).isEqualTo(10);
        // Before, the consumer held the stanza beyond the tarpit's waiting room until the domain counted as silent,
        // FIRST_VERDICT_WITHIN (15 s) after its share opened, and took nothing else meanwhile.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the busy domain's stanzas waited")
                .isLessThan(StanzasInFlight.UNCONFIRMED_HELD_AT_MOST.plusSeconds(2));
        assertThat(routing.handedOn(TARPIT)).as("its share with the engine")
                .hasSize(OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN);
        assertThat(routing.retries).as("what waited beyond a share went round the queue")
                .isNotEmpty().allMatch(retry -> retry.condition() == StanzaErrorCondition.RESOURCE_CONSTRAINT);
    }

    @Test
    void aSilentServersStanzasBeyondItsShareGoBackToTheQueueAndDoNotHoldUpAnotherDomain() throws Exception {
        int silent = 1_200;
        sendChats("alice@ours.test", SILENT, silent);
        sendChats("bob@ours.test", BUSY, 10);

        assertThat(routing.awaitDelivered(BUSY, 10)).as("the busy server's stanzas, taken after the silent one's")
                .isEqualTo(10);
        assertThat(routing.retried()).as("delivered before the silent server was found silent").isEmpty();
        // FIRST_VERDICT_WITHIN, not SILENT_AFTER: when m0's verdict came before m1 was handed on, m1 opened a new
        // share, which had no verdict yet (a race that failed this test now and then).
        Instant deadline = Instant.now().plus(StanzasInFlight.FIRST_VERDICT_WITHIN).plusSeconds(5);
        // m0 confirmed; m1 … m500 with the engine, unconfirmed; 500 kept waiting for them, the rest sent back
        List<String> beyondShare = IntStream.range(2 * OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN + 1, silent)
                .mapToObj(i -> "m" + i).toList();
        while (routing.retried().size() < beyondShare.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(routing.retried()).as("once silent, what waits beyond its share goes back to the queue")
                .containsExactlyInAnyOrderElementsOf(beyondShare);
        assertThat(routing.retries).allMatch(retry -> retry.condition() == StanzaErrorCondition.RESOURCE_CONSTRAINT);
        assertThat(routing.handedOn(SILENT)).as("m0, then the share with the engine")
                .hasSize(1 + OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN);
    }

    @Test
    void aStanzaTriedAgainLaterKeepsItsSendersLaterStanzasBehindIt() throws Exception {
        routing.bounceOnce("m0");
        sendChats("alice@ours.test", BUSY, 0, 1);
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (routing.retried().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        // Taken while m0 waits on the queue for its next try, 200 ms later.
        sendChats("alice@ours.test", BUSY, 1, 19);

        assertThat(routing.awaitDelivered(BUSY, 20)).isEqualTo(20);
        List<String> inOrder = new ArrayList<>(List.of("m0"));
        IntStream.range(0, 20).mapToObj(i -> "m" + i).forEach(inOrder::add);
        assertThat(routing.handedOn(BUSY)).as("m0 twice, the later ones after its second try")
                .containsExactlyElementsOf(inOrder);
    }

    @Test
    void aStanzaBouncedWhileItsSendersLaterOnesWaitForTheDomainStaysAheadOfThem() throws Exception {
        // m0 … m499 with the engine, m500 … m999 waiting for them, when m0 bounces; the others are confirmed after.
        routing.setUpTakes(Duration.ofSeconds(2));
        routing.bounceOnce("m0", Duration.ofSeconds(1));
        int burst = 2 * OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN;
        sendChats("alice@ours.test", BUSY, burst);

        assertThat(routing.awaitDelivered(BUSY, burst)).isEqualTo(burst);
        List<String> handedOn = routing.handedOn(BUSY);
        assertThat(handedOn.indexOf("m" + OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN))
                .as("the first stanza that waited goes on after m0's second try")
                .isGreaterThan(handedOn.lastIndexOf("m0"));
        assertThat(handedOn.subList(handedOn.lastIndexOf("m0"), handedOn.size())).as("after m0's second try")
                .containsExactlyElementsOf(IntStream.concat(IntStream.of(0),
                        IntStream.range(OutboundQueueConsumer.IN_FLIGHT_PER_DOMAIN, burst)).mapToObj(i -> "m" + i)
                        .toList());
    }

    @Test
    void aStanzaWhoseRoutingKeepsFailingIsSetAsideOnceTheDeadLetterQueueTakesIt() throws Exception {
        routing.failRouting("m0");
        deadLetters.refuseFirst(1);
        sendChats("alice@ours.test", BUSY, 1);

        Instant deadline = Instant.now().plus(ARRIVAL);
        while (deadLetters.setAside.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(deadLetters.setAside).singleElement().asString().contains("could not be handed on in "
                + OutboundPump.MOST_TRIES + " tries");
        while (queued() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(queued()).as("acknowledged, not left unacknowledged for the session's life").isZero();
    }

    @Test
    void aStanzaWhoseRoutingFailsForAWhileKeepsItsSendersLaterStanzasBehindIt() throws Exception {
        routing.failRouting("m0", 2);
        sendChats("alice@ours.test", BUSY, 20);

        assertThat(routing.awaitDelivered(BUSY, 20)).isEqualTo(20);
        assertThat(routing.handedOn(BUSY)).as("m0 first, once its routing works again")
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
    }

    /** The messages on the queue, those delivered and not acknowledged included. */
    private long queued() {
        return broker.server().locateQueue(QUEUE).getMessageCount();
    }

    /** {@code count} chat messages from {@code sender} to a user of {@code domain}, ids m0, m1 …, in one transaction. */
    private void sendChats(String sender, String domain, int count) throws Exception {
        sendChats(sender, domain, 0, count);
    }

    /** As {@link #sendChats(String, String, int)}, with ids from m{@code first}. */
    private void sendChats(String sender, String domain, int first, int count) throws Exception {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = first; i < first + count; i++) {
                producer.send(session.createTextMessage("<message xmlns='jabber:client' from='" + sender
                        + "/desk' to='someone@" + domain + "' type='chat' id='m" + i + "'><body>" + i
                        + "</body></message>"));
            }
            session.commit();
        }
    }

    /**
     * The remote side as the test plays it: the busy server confirms each stanza 2 ms after it was handed on (unless
     * told to bounce it once), the silent one only its first (m0), the tarpit none; settling retries within a minute,
     * 200 ms apart. The routing itself fails on the stanzas it is told to.
     */
    private static final class Routing implements FederationRouting {

        private volatile RetryPolicy retryPolicy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMillis(200),
                Duration.ofMillis(200));
        private final Executor confirming = CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);
        /** Before then the busy server confirms nothing, as while its session is being set up. */
        private volatile Instant setUp = Instant.MIN;
        private final Map<String, List<String>> handedOn = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        private final Map<String, Duration> toBounce = new ConcurrentHashMap<>();
        /** Per stanza id, how often its routing is still to fail; forever for a negative count. */
        private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();
        final List<Retry> retries = Collections.synchronizedList(new ArrayList<>());

        /** A stanza settled as bounced and to be tried again. */
        record Retry(String id, StanzaErrorCondition condition) {
        }

        /** Retries as Parley's policy does, only sooner: doubling from {@code first} up to {@code most}. */
        void retryAfter(Duration first, Duration most) {
            retryPolicy = new RetryPolicy(Duration.ofMinutes(1), first, most);
        }

        void setUpTakes(Duration time) {
            setUp = Instant.now().plus(time);
        }

        void bounceOnce(String id) {
            bounceOnce(id, Duration.ZERO);
        }

        /** Bounces {@code id} once, {@code after} it was handed on, however long the session's set-up takes. */
        void bounceOnce(String id, Duration after) {
            toBounce.put(id, after);
        }

        void failRouting(String id) {
            failRouting(id, -1);
        }

        void failRouting(String id, int times) {
            failing.put(id, new AtomicInteger(times));
        }

        @Override
        public Optional<CompletionStage<Delivery>> routeOutbound(StanzaEnvelope stanza) {
            AtomicInteger failures = failing.get(stanza.id());
            if (failures != null && failures.getAndDecrement() != 0) {
                throw new IllegalStateException("the test's routing fails on " + stanza.id());
            }
            handedOn.computeIfAbsent(stanza.toDomain(), domain -> Collections.synchronizedList(new ArrayList<>()))
                    .add(stanza.id());
            if (TARPIT.equals(stanza.toDomain()) || SILENT.equals(stanza.toDomain()) && !"m0".equals(stanza.id())) {
                return Optional.of(new CompletableFuture<>());
            }
            Duration bounceAfter = toBounce.remove(stanza.id());
            if (bounceAfter != null) {
                return Optional.of(CompletableFuture.supplyAsync(() -> new Delivery.Bounced(
                        StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "the test bounced it"),
                        CompletableFuture.delayedExecutor(bounceAfter.toMillis(), TimeUnit.MILLISECONDS)));
            }
            return Optional.of(CompletableFuture.supplyAsync(() -> {
                delivered.computeIfAbsent(stanza.toDomain(), domain -> new AtomicInteger()).incrementAndGet();
                return new Delivery.Acknowledged();
            }, untilSetUp()));
        }

        private Executor untilSetUp() {
            Instant now = Instant.now();
            return setUp.isAfter(now)
                    ? CompletableFuture.delayedExecutor(Duration.between(now, setUp).toMillis(), TimeUnit.MILLISECONDS)
                    : confirming;
        }

        @Override
        public Optional<Duration> settleOutbound(StanzaEnvelope stanza, OutboundAttempt attempt, Delivery delivery) {
            if (!(delivery instanceof Delivery.Bounced bounced)) {
                return Optional.empty();
            }
            retries.add(new Retry(stanza.id(), bounced.condition()));
            return retryPolicy.nextTry(attempt, bounced.condition(), Instant.now());
        }

        @Override
        public void countDelivered(int stanzas) {
            // Counted where the test confirms them.
        }

        @Override
        public void routeInbound(StanzaEnvelope stanza) {
            throw new UnsupportedOperationException("outbound only");
        }

        /** The ids of the stanzas tried again, each once. */
        List<String> retried() {
            synchronized (retries) {
                return retries.stream().map(Retry::id).distinct().toList();
            }
        }

        List<String> handedOn(String domain) {
            return List.copyOf(handedOn.getOrDefault(domain, List.of()));
        }

        int awaitDelivered(String domain, int count) throws InterruptedException {
            Instant deadline = Instant.now().plus(ARRIVAL);
            AtomicInteger confirmed = delivered.computeIfAbsent(domain, name -> new AtomicInteger());
            while (confirmed.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            return confirmed.get();
        }
    }

    /**
     * The pump puts nothing on the application's queues here but what it sets aside: valid stanzas, no bounce returned
     * to a sender. The dead-letter queue refuses as many messages as it is told to first.
     */
    private static final class DeadLetters implements StanzaQueues {

        final List<String> setAside = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger refusals = new AtomicInteger();

        void refuseFirst(int messages) {
            refusals.set(messages);
        }

        @Override
        public void toFederation(StanzaEnvelope stanza) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void toLocalUsers(StanzaEnvelope stanza) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void toFeed(StanzaEnvelope stanza) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deadLetter(String body, String reason, String origin) {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("the test's dead-letter queue is away");
            }
            setAside.add(reason);
        }
    }
}
