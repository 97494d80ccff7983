package dev.parley.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An enterprise application on Parley's queues: the Artemis client over HTTP upgrade, as the integration user. */
final class ParleyJms implements AutoCloseable {

    static final String TO_FEDERATION = "ParleyToFederation";
    static final String FROM_FEDERATION = "ParleyFromFederation";
    static final String DEAD_LETTER = "ParleyDeadLetter";
    /** The topic as the Artemis client names it: the broker address of WildFly's JMS topic. */
    static final String FROM_FEDERATION_FEED = "jms.topic.ParleyFromFederationFeed";

    private final ActiveMQConnectionFactory factory;

    private ParleyJms(ActiveMQConnectionFactory factory) {
        this.factory = factory;
    }

    static ParleyJms connect() {
        return new ParleyJms(new ActiveMQConnectionFactory("tcp://" + ItEnvironment.address() + ":"
                + ItEnvironment.HTTP_PORT + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor"));
    }

    JMSContext session() {
        return ((ConnectionFactory) factory).createContext(ItEnvironment.INTEGRATION_USER,
                System.getProperty(ItEnvironment.INTEGRATION_PASSWORD));
    }

    /** Puts one stanza on {@code queue} as a persistent text message, the documented format's minimum. */
    void send(String queue, String stanzaXml) {
        try (JMSContext jms = session()) {
            jms.createProducer().send(jms.createQueue(queue), jms.createTextMessage(stanzaXml));
        }
    }

    /** A chat message from a local user's desk client to {@code to}, put on the queue to remote domains. */
    void sendChat(String from, String to, String body) {
        send(TO_FEDERATION, chat(from, to, body));
    }

    /**
     * Chat messages as {@link #sendChat}, in order, in one transaction: a burst as an application that queues a busy
     * sender's messages together makes it, all on the queue at once.
     */
    void sendChats(String from, String to, List<String> bodies) {
        try (JMSContext jms = ((ConnectionFactory) factory).createContext(ItEnvironment.INTEGRATION_USER,
                System.getProperty(ItEnvironment.INTEGRATION_PASSWORD), JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = jms.createProducer();
            Queue queue = jms.createQueue(TO_FEDERATION);
            bodies.forEach(body -> producer.send(queue, jms.createTextMessage(chat(from, to, body))));
            jms.commit();
        }
    }

    private static String chat(String from, String to, String body) {
        return "<message xmlns='jabber:client' from='" + from + "/desk' to='" + to + "' type='chat' id='"
                + UUID.randomUUID() + "'><body>" + body + "</body></message>";
    }

    /** The first message whose body contains {@code marker} within 30 s, or null. */
    static Message receiveContaining(JMSConsumer consumer, String marker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Message message = consumer.receive(1000);
            if (message != null && message.getBody(String.class).contains(marker)) {
                return message;
            }
        }
        return null;
    }

    @Override
    public void close() {
        factory.close();
    }
}
