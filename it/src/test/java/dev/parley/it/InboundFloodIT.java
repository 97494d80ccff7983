package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.wire.DialbackStream;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One authenticated remote server pipelines 200,000 messages from 100 of its users to 10 local users at the deployed
 * Parley, far faster than Parley stores them for the local users: Parley slows the peer down (it stops reading)
 * instead of refusing or dropping what the peer sent, so every message reaches the user, each sender's in the order
 * sent (an enterprise application's copy on the feed says so), or comes back to its sender as an error, and the run
 * ends. A ping sent after the last message is answered only once Parley has all of them on its queue. Before, Parley
 * logged ~98,000 "Dropping a stanza … resource-constraint" and the run never completed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundFloodIT {

    private static final String FLOOD = "flood.peers.test";
    private static final int S2S_PORT = 5269;
    private static final int STANZAS = 200_000;
    /** Parley keeps each remote sender's messages in order, one after the other: a busy server carries many senders. */
    private static final int SENDERS = 100;
    private static final int RECIPIENTS = 10;
    private static final String SECRET = "flood-dialback-secret";
    /** Marks this run's messages, so that what an earlier, interrupted run left on the queues is not counted. */
    private static final String RUN = UUID.randomUUID().toString();
    private static final Pattern NUMBER = Pattern.compile("flood " + RUN + " (\\d+)<");
    /** Generous for this 2-core machine; the run must end, not be fast. */
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    @Test
    void everyStanzaOfAPeerFasterThanParleyIsDeliveredOrAnsweredAndNoneDropped() throws Exception {
        List<String> recipients = IntStream.range(0, RECIPIENTS)
                .mapToObj(i -> ItEnvironment.localUser("flooded" + i)).toList();
        ConcurrentLinkedQueue<XmlElement> answers = new ConcurrentLinkedQueue<>();
        try (PeerNetwork network = PeerNetwork.startWithDns(ItEnvironment.dns(), DomainPlan.of(FLOOD, S2S_PORT),
                DomainPlan.serverUnderTest(ItEnvironment.XMPP_DOMAIN, ItEnvironment.S2S_PORT)
                        .at(ItEnvironment.loopback(ItEnvironment.address())));
             S2sEngine floodServer = startFloodServer(network, answers::add);
             FeedCounter feed = FeedCounter.subscribe()) {
            ParleyAdmin.revokeTestAuthorizations();
            ParleyAdmin.authorize(FLOOD, "PUBLIC", null);
            ParleyAdmin.restartFederation(Federation.on());
            try {
                long started = System.nanoTime();
                pipelineTheFlood(recipients);
                awaitPingAnswer(answers);
                long answeredAfter = System.nanoTime() - started;

                long deadline = started + PATIENCE.toNanos();
                while (feed.distinct() + errors(answers) < STANZAS && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                System.out.printf("InboundFloodIT: %,d stanzas pipelined; ping answered after %.1f s; %,d on the feed"
                                + " (%,d copies), %,d errors back, after %.1f s%n", STANZAS, answeredAfter / 1e9,
                        feed.distinct(), feed.copies(), errors(answers), (System.nanoTime() - started) / 1e9);
                assertThat(feed.distinct() + errors(answers)).as("delivered or answered with an error")
                        .isEqualTo(STANZAS);
                assertThat(feed.copies()).as("each delivered once").isEqualTo(feed.distinct());
                assertThat(feed.outOfOrder()).as("messages that reached the feed after a later one of their sender's")
                        .isZero();
                assertThat(errors(answers)).as("the peer was slowed down, none of its stanzas refused").isZero();
                assertThat(ServerLog.text()).doesNotContain("Dropping a stanza from " + FLOOD);
            } finally {
                ParleyAdmin.settings(Federation.on().off());
                ParleyAdmin.revokeTestAuthorizations();
            }
        }
    }

    /** The flood domain's own server, which confirms the dialback keys of the raw stream and receives Parley's answers. */
    private static S2sEngine startFloodServer(PeerNetwork network, Consumer<XmlElement> received) {
        DnsClient dns = new DnsClient(new ResolverConfig(List.of(ItEnvironment.dns()), Duration.ofSeconds(3), 1));
        EngineConfig config = EngineConfig.of(network.address(FLOOD), S2S_PORT, Set.of(FLOOD),
                new DnsS2sTargetResolver(dns), new DnsHostResolver(dns)).withDialbackSecret(SECRET);
        return S2sEngine.start(config, received::accept);
    }

    /**
     * Writes every message and then a ping on one stream, as fast as Parley reads; fails if Parley stops reading for
     * good (the writes would block forever).
     */
    private static void pipelineTheFlood(List<String> recipients) throws Exception {
        InetSocketAddress parley = new InetSocketAddress(ItEnvironment.loopback(ItEnvironment.address()),
                ItEnvironment.S2S_PORT);
        try (DialbackStream stream = DialbackStream.open(parley, FLOOD, ItEnvironment.XMPP_DOMAIN,
                new DialbackKeys(SECRET), Duration.ofSeconds(30), Optional.empty())) {
            stream.watch();
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = stream.out();
                    for (int i = 0; i < STANZAS; i++) {
                        out.write(("<message from='flooder" + i % SENDERS + "@" + FLOOD + "/pipe' to='"
                                + recipients.get(i % RECIPIENTS) + "' type='chat' id='f" + i
                                + "'><body>flood " + RUN + " " + i + "</body></message>").getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(("<iq type='get' id='after-flood' from='" + FLOOD + "' to='" + ItEnvironment.XMPP_DOMAIN
                            + "'><ping xmlns='urn:xmpp:ping'/></iq>").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception e) {
                    failed.set(e);
                }
            }, "flood writer");
            writer.start();
            writer.join(PATIENCE.toMillis());
            assertThat(writer.isAlive()).as("Parley read the whole flood within %s", PATIENCE).isFalse();
            assertThat(failed.get()).as("the stream stayed open; %s", stream.failure().orElse("")).isNull();
            assertThat(stream.failure()).isEmpty();
        }
    }

    private static void awaitPingAnswer(ConcurrentLinkedQueue<XmlElement> answers) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (answers.stream().noneMatch(InboundFloodIT::isPingAnswer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(answers).as("Parley answered the ping after the flood").anyMatch(InboundFloodIT::isPingAnswer);
    }

    private static boolean isPingAnswer(XmlElement stanza) {
        return stanza.name().equals("iq") && stanza.attribute("id").orElse("").equals("after-flood")
                && stanza.attribute("type").orElse("").equals("result");
    }

    private static long errors(ConcurrentLinkedQueue<XmlElement> answers) {
        return answers.stream().filter(stanza -> stanza.name().equals("message")
                && stanza.attribute("type").orElse("").equals("error")).count();
    }

    /** An enterprise application subscribed to the feed, counting the flood's messages that reached the local user. */
    private static final class FeedCounter implements AutoCloseable {

        private final BitSet seen = new BitSet(STANZAS);
        /** Each sender's last message on the feed, and how many came after a later one of theirs; guarded by seen. */
        private final int[] lastOfSender = new int[SENDERS];
        private int outOfOrder;
        private final AtomicInteger copies = new AtomicInteger();
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private volatile boolean running = true;
        private final Thread reader = new Thread(this::read, "feed reader");

        static FeedCounter subscribe() throws InterruptedException {
            FeedCounter counter = new FeedCounter();
            counter.reader.start();
            assertThat(counter.subscribed.await(30, TimeUnit.SECONDS)).as("subscribed to the feed").isTrue();
            return counter;
        }

        private void read() {
            try (ParleyJms integrator = ParleyJms.connect();
                 JMSContext jms = integrator.session();
                 JMSConsumer feed = jms.createConsumer(jms.createTopic(ParleyJms.FROM_FEDERATION_FEED))) {
                subscribed.countDown();
                while (running) {
                    Message message = feed.receive(500);
                    if (message != null) {
                        Matcher number = NUMBER.matcher(message.getBody(String.class));
                        if (number.find()) {
                            copies.incrementAndGet();
                            int n = Integer.parseInt(number.group(1));
                            synchronized (seen) {
                                seen.set(n);
                                if (n < lastOfSender[n % SENDERS]) {
                                    outOfOrder++;
                                }
                                lastOfSender[n % SENDERS] = n;
                            }
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("the feed reader failed", e);
            }
        }

        int distinct() {
            synchronized (seen) {
                return seen.cardinality();
            }
        }

        int copies() {
            return copies.get();
        }

        int outOfOrder() {
            synchronized (seen) {
                return outOfOrder;
            }
        }

        @Override
        public void close() {
            running = false;
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
