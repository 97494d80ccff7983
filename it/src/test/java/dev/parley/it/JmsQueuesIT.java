package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
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

    private static ActiveMQConnectionFactory factory;

    @BeforeAll
    static void connect() {
        factory = new ActiveMQConnectionFactory("tcp://" + ItEnvironment.address() + ":" + ItEnvironment.HTTP_PORT
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
    }

    @AfterAll
    static void disconnect() {
        factory.close();
    }

    private static JMSContext session() {
        return ((ConnectionFactory) factory).createContext(ItEnvironment.INTEGRATION_USER,
                System.getProperty(ItEnvironment.INTEGRATION_PASSWORD));
    }

    @Test
    void stanzaOnFromFederationQueueIsDeliveredToTheLocalUser() throws Exception {
        String id = UUID.randomUUID().toString();
        String recipient = "alice-" + id + "@parley.test";
        try (JMSContext jms = session()) {
            jms.createProducer().send(jms.createQueue("ParleyFromFederation"), jms.createTextMessage(
                    "<message xmlns='jabber:server' from='bob@remote.example/phone' to='" + recipient
                            + "/desk' type='chat' id='" + id + "'><body>Hello from remote</body></message>"));
        }

        JsonObject archived = awaitArchived(recipient).get(0);

        assertThat(archived.getString("from")).isEqualTo("bob@remote.example/phone");
        assertThat(archived.getString("to")).isEqualTo(recipient + "/desk");
        assertThat(archived.getString("id")).isEqualTo(id);
        assertThat(archived.getString("xml")).contains("<body>Hello from remote</body>");
    }

    @Test
    void stanzaOnToFederationQueueComesBackAsErrorWhileFederationIsOff() throws Exception {
        switchFederation(false);
        String id = UUID.randomUUID().toString();
        String sender = "carol-" + id + "@parley.test";
        try (JMSContext jms = session()) {
            jms.createProducer().send(jms.createQueue("ParleyToFederation"), jms.createTextMessage(
                    "<message xmlns='jabber:client' from='" + sender + "' to='dave@remote.example' type='chat' id='"
                            + id + "'><body>Are you there?</body></message>"));
        }

        JsonObject bounce = awaitArchived(sender).get(0);

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
        try (JMSContext jms = session()) {
            jms.createProducer().send(jms.createQueue("ParleyFromFederation"),
                    jms.createTextMessage("<message from='x@remote.example' to='y@parley.test'>" + marker));

            Queue deadLetter = jms.createQueue("ParleyDeadLetter");
            try (JMSConsumer consumer = jms.createConsumer(deadLetter, "parleyOrigin = 'FromFederation'")) {
                Message rejected = receiveContaining(consumer, marker);
                assertThat(rejected).as("rejected message on ParleyDeadLetter").isNotNull();
                assertThat(rejected.getStringProperty("parleyRejectReason")).contains("not well-formed");
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

    private static void switchFederation(boolean enabled) throws Exception {
        var settings = ParleyHttp.asAdmin();
        JsonObject current = (JsonObject) ParleyHttp.json(settings.get(ParleyHttp.app("/api/admin/settings")));
        String change = "{\"enabled\": " + enabled + ", \"mode\": \"DIRECT\", \"s2sPort\": " + current.getInt("s2sPort")
                + ", \"s2sBindAddress\": \"" + current.getString("s2sBindAddress") + "\", \"proxyPort\": "
                + current.getInt("proxyPort") + ", \"tlsPolicy\": \"" + current.getString("tlsPolicy") + "\"}";
        assertThat(settings.put(ParleyHttp.app("/api/admin/settings"), change).statusCode()).isEqualTo(200);
    }

    private static List<JsonObject> awaitArchived(String recipient) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonArray found = (JsonArray) ParleyHttp.json(ParleyHttp.asAdmin().get(ParleyHttp.app(
                    "/api/admin/messages?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8))));
            if (!found.isEmpty()) {
                return found.getValuesAs(JsonValue::asJsonObject);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing was delivered to " + recipient + " within 30 s");
    }
}
