package dev.parley.infrastructure.messaging.jms;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A real Artemis broker in the test's JVM, reached in-VM as WildFly's is, without persistence or security. */
final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger BROKERS = new AtomicInteger();
    private final EmbeddedActiveMQ broker;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    static EmbeddedBroker start() throws Exception {
        String url = "vm://" + BROKERS.incrementAndGet();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).addAcceptorConfiguration("in-vm", url));
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
