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
 * An enterprise application on the JMS queues, as the documented message format describes: it sends on behalf of local
 * users, finds what Parley could not read on the dead-letter queue, and can neither take stanzas from Parley's own
 * consumers nor inject any as if a remote server had sent them. (Its copy of what reaches local users, the feed, is
 * tested with real remote users in {@link PresenceAndChatIT}.)
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
            jms.createProducer().send(jms.createQueue(ParleyJms.TO_FEDERATION),
                    jms.createTextMessage("<message from='y@parley.test' to='x@remote.example'>" + marker));

            Queue deadLetter = jms.createQueue(ParleyJms.DEAD_LETTER);
            try (JMSConsumer consumer = jms.createConsumer(deadLetter, "parleyOrigin = 'ToFederation'")) {
                Message rejected = ParleyJms.receiveContaining(consumer, marker);
                assertThat(rejected).as("rejected message on ParleyDeadLetter").isNotNull();
                assertThat(rejected.getStringProperty("parleyRejectReason")).contains("not well-formed");
            }
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

    @Test
    void integratorsMayNotPassThemselvesOffAsARemoteServer() throws Exception {
        String recipient = ItEnvironment.localUser("erin");
        try (JMSContext jms = queues.session()) {
            assertThatThrownBy(() -> jms.createProducer().send(jms.createQueue(ParleyJms.FROM_FEDERATION),
                    jms.createTextMessage("<message xmlns='jabber:server' from='ceo@partner.example' to='" + recipient
                            + "' type='chat' id='spoof'><body>Wire the money</body></message>")))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
        assertThat(ParleyAdmin.archived(recipient)).as("nothing reached erin").isEmpty();
    }
}
