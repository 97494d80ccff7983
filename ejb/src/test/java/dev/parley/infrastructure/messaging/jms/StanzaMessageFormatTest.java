package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaXml;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages made on a real Artemis client, as Parley's queues carry them. */
class StanzaMessageFormatTest {

    private static final String MESSAGE = "<message xmlns='jabber:server' from='alice@remote.example/desk'"
            + " to='bob@parley.example' type='chat' id='m1'><body>Hi</body></message>";

    private EmbeddedBroker broker;
    private JMSContext jms;

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
        jms = broker.connections().createContext();
    }

    @AfterEach
    void stopBroker() throws Exception {
        jms.close();
        broker.close();
    }

    @Test
    void aStanzaParleyQueuedReadsBackAsTheEnvelopeItWas() throws Exception {
        StanzaEnvelope queued = StanzaXml.parse(MESSAGE);
        StanzaEnvelope presence = StanzaXml.parse("<presence from='alice@remote.example' to='bob@parley.example'/>");

        assertThat(StanzaMessageFormat.readQueuedByParley(StanzaMessageFormat.write(jms, queued))).isEqualTo(queued);
        assertThat(StanzaMessageFormat.readQueuedByParley(StanzaMessageFormat.write(jms, presence)))
                .as("without type and id").isEqualTo(presence);
    }

    @Test
    void aMessageWithoutRoutingFactsIsParsed() throws Exception {
        assertThat(StanzaMessageFormat.readQueuedByParley(jms.createTextMessage(MESSAGE)))
                .isEqualTo(StanzaXml.parse(MESSAGE));
        assertThatThrownBy(() -> StanzaMessageFormat.readQueuedByParley(jms.createTextMessage("<message>")))
                .isInstanceOf(InvalidStanzaException.class);
    }

    @Test
    void routingFactsThatAreNoStanzasAreRefused() throws Exception {
        TextMessage message = StanzaMessageFormat.write(jms, StanzaXml.parse(MESSAGE));
        message.setStringProperty(StanzaMessageFormat.TYPE, "shout");

        assertThatThrownBy(() -> StanzaMessageFormat.readQueuedByParley(message))
                .isInstanceOf(InvalidStanzaException.class).hasMessageContaining("shout");
    }
}
