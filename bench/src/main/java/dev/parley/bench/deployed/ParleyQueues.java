package dev.parley.bench.deployed;

import dev.parley.bench.server.ProvisionedServer;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Parley's queues as an enterprise application uses them: the Artemis client over WildFly's HTTP port, as the
 * integration account; persistent messages, sent in transactions of many.
 */
final class ParleyQueues implements AutoCloseable {

    private static final String TO_FEDERATION = "ParleyToFederation";
    private static final String FEED = "jms.topic.ParleyFromFederationFeed";

    private final ActiveMQConnectionFactory factory;
    private final String password;
    private volatile boolean reading = true;
    private Thread feedReader;

    ParleyQueues(ProvisionedServer server) {
        this.factory = new ActiveMQConnectionFactory("tcp://" + server.address()
                + ":8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
        this.password = server.integrationPassword();
    }

    /** A transacted session for one sending thread: stanzas go out with {@link Sender#send}, then {@link Sender#commit}. */
    Sender sender() {
        return new Sender(((ConnectionFactory) factory).createContext(ProvisionedServer.INTEGRATION, password,
                JMSContext.SESSION_TRANSACTED));
    }

    /** Hands the text of every copy on the feed to {@code copies}, on a thread of its own, from now on. */
    void readFeed(Consumer<String> copies) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        feedReader = new Thread(() -> {
            try (JMSContext jms = ((ConnectionFactory) factory).createContext(ProvisionedServer.INTEGRATION, password);
                 JMSConsumer feed = jms.createConsumer(jms.createTopic(FEED))) {
                subscribed.countDown();
                while (reading) {
                    Message message = feed.receive(200);
                    if (message != null) {
                        copies.accept(message.getBody(String.class));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("reading the feed failed", e);
            }
        }, "feed reader");
        feedReader.setDaemon(true);
        feedReader.start();
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not subscribe to the feed within 30 s");
        }
    }

    @Override
    public void close() {
        reading = false;
        try {
            if (feedReader != null) {
                feedReader.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            factory.close();
        }
    }

    /** One application thread's transacted session on the outbound queue. */
    static final class Sender implements AutoCloseable {

        private final JMSContext jms;
        private final JMSProducer producer;
        private final Queue queue;

        private Sender(JMSContext jms) {
            this.jms = jms;
            this.producer = jms.createProducer();
            this.queue = jms.createQueue(TO_FEDERATION);
        }

        void send(String stanzaXml) {
            producer.send(queue, stanzaXml);
        }

        void commit() {
            jms.commit();
        }

        @Override
        public void close() {
            jms.close();
        }
    }
}
