package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An enterprise application on the JMS queues, as the documented message format describes: each
 * queue's message-driven bean takes what is put on it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmsQueuesIT {

    private static ParleyJms queues;

    @BeforeAll
    static void connect() {
        queues = ParleyJms.connect();
    }

    @AfterAll
    static void disconnect() {
        queues.close();
    }

    @Test
    void stanzaOnFromFederationQueueIsDeliveredToTheLocalUser() throws Exception {
        String id = UUID.randomUUID().toString();
        String recipient = ItEnvironment.localUser("alice");
        queues.send(ParleyJms.FROM_FEDERATION, "<message xmlns='jabber:server' from='bob@remote.example/phone' to='"
                + recipient + "/desk' type='chat' id='" + id + "'><body>Hello from remote</body></message>");

        JsonObject archived = ParleyAdmin.awaitArchived(recipient, any -> true, Duration.ofSeconds(30)).get(0);

        assertThat(archived.getString("from")).isEqualTo("bob@remote.example/phone");
        assertThat(archived.getString("to")).isEqualTo(recipient + "/desk");
        assertThat(archived.getString("id")).isEqualTo(id);
        assertThat(archived.getString("xml")).contains("<body>Hello from remote</body>");
    }

    @Test
    void stanzaOnToFederationQueueComesBackAsErrorWhileFederationIsOff() throws Exception {
        ParleyAdmin.settings(ParleyAdmin.Federation.on().off());
        String id = UUID.randomUUID().toString();
        String sender = ItEnvironment.localUser("carol");
        queues.send(ParleyJms.TO_FEDERATION, "<message xmlns='jabber:client' from='" + sender
                + "' to='dave@remote.example' type='chat' id='" + id + "'><body>Are you there?</body></message>");

        JsonObject bounce = ParleyAdmin.awaitArchived(sender, any -> true, Duration.ofSeconds(30)).get(0);

        assertThat(bounce.getString("type")).isEqualTo("error");
        assertThat(bounce.getString("from")).isEqualTo("dave@remote.example");
        assertThat(bounce.getString("id")).isEqualTo(id);
        assertThat(bounce.getString("xml")).contains("service-unavailable")
                .contains("XMPP federation is switched off on this server")
                .contains("Are you there?");
    }

    @Test
    void poisonMessageGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext jms = queues.session()) {
            jms.createProducer().send(jms.createQueue(ParleyJms.FROM_FEDERATION),
                    jms.createTextMessage("<message from='x@remote.example' to='y@parley.test'>" + marker));

            Queue deadLetter = jms.createQueue(ParleyJms.DEAD_LETTER);
            try (JMSConsumer consumer = jms.createConsumer(deadLetter, "parleyOrigin = 'FromFederation'")) {
                Message rejected = receiveContaining(consumer, marker);
                assertThat(rejected).as("rejected message on ParleyDeadLetter").isNotNull();
                assertThat(rejected.getStringProperty("parleyRejectReason")).contains("not well-formed");
            }
        }
    }

    @Test
    void integratorsReadACopyOfWhatReachesLocalUsersAndTakeNothingFromThem() throws Exception {
        String id = UUID.randomUUID().toString();
        String recipient = ItEnvironment.localUser("erin");
        try (JMSContext jms = queues.session();
             JMSConsumer feed = jms.createConsumer(jms.createTopic(ParleyJms.FROM_FEDERATION_FEED))) {
            queues.send(ParleyJms.FROM_FEDERATION, "<message xmlns='jabber:server' from='bob@remote.example/phone' to='"
                    + recipient + "' type='chat' id='" + id + "'><body>for erin and the feed</body></message>");

            Message copy = receiveContaining(feed, id);
            assertThat(copy).as("the stanza on the feed").isNotNull();
            assertThat(copy.getStringProperty("xmppTo")).isEqualTo(recipient);
            assertThat(ParleyAdmin.awaitArchived(recipient, any -> true, Duration.ofSeconds(30)))
                    .as("and the local user has it too").hasSize(1);
        }
    }

    @Test
    void integratorsMayNotConsumeParleysOwnQueues() {
        for (String queue : new String[] {ParleyJms.FROM_FEDERATION, ParleyJms.TO_FEDERATION}) {
            try (JMSContext jms = queues.session()) {
                assertThatThrownBy(() -> jms.createConsumer(jms.createQueue(queue)).receive(1000)).as(queue)
                        .isInstanceOf(JMSSecurityRuntimeException.class);
            }
        }
    }

    private static Message receiveContaining(JMSConsumer consumer, String marker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Message message = consumer.receive(1000);
            if (message != null && message.getBody(String.class).contains(marker)) {
                return message;
            }
        }
        return null;
    }
}
