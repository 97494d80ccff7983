package dev.parley.infrastructure.messaging.jms;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Artemis broker in the test's JVM, reached in-VM as WildFly's is, without security, and without persistence
 * unless a journal directory is given.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private final EmbeddedActiveMQ broker;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    static EmbeddedBroker start() throws Exception {
        return start(new ConfigurationImpl().setPersistenceEnabled(false));
    }

    /**
     * A broker that keeps persistent messages in an NIO journal under {@code directory}, as WildFly's does where libaio
     * is missing: a persistent message sent alone then waits for the journal's next write to disk, as in the server.
     */
    static EmbeddedBroker startPersistent(Path directory) throws Exception {
        return start(new ConfigurationImpl().setPersistenceEnabled(true).setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString()));
    }

    private static EmbeddedBroker start(Configuration configuration) throws Exception {
        String url = "vm://" + BROKERS.incrementAndGet();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration.setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", url));
        broker.start();
        return new EmbeddedBroker(broker, url);
    }

    ActiveMQConnectionFactory connections() {
        return new ActiveMQConnectionFactory(url);
    }

    /** The broker itself, to look at its queues. */
    ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
