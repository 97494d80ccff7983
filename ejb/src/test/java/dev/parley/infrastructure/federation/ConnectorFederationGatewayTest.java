package dev.parley.infrastructure.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.connector.api.FederationUnavailableException;
import dev.parley.connector.api.XmppConnection;
import dev.parley.connector.api.XmppConnectionFactory;
import dev.parley.domain.model.routing.RetryPolicy;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaXml;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;

/**
 * What the routing hears from the engine when the engine cannot take a stanza: a failure time can mend, which it
 * retries within its window and then returns to the sender, never the dead-letter queue; a fault of the engine on the
 * stanza itself goes back to the sender at once.
 */
class ConnectorFederationGatewayTest {

    private final ConnectorFederationGateway gateway = new ConnectorFederationGateway();

    @Test
    void anEngineThatFailedToStartIsTriedAgainLater() throws Exception {
        gateway.connections = factory(failingWith(new FederationUnavailableException("port 5269 is in use")));

        assertThat(verdict(gateway.submit(chat()))).isInstanceOfSatisfying(Delivery.Bounced.class, bounced -> {
            assertThat(RetryPolicy.isTransient(bounced.condition())).isTrue();
            assertThat(bounced.text()).isEqualTo("Parley's S2S engine is not running: port 5269 is in use");
        });
    }

    @Test
    void noConnectionFromTheAdapterIsTriedAgainLater() throws Exception {
        gateway.connections = new Factory(() -> {
            throw new ResourceException("the pool is exhausted");
        });

        assertThat(verdict(gateway.submit(chat()))).isInstanceOfSatisfying(Delivery.Bounced.class, bounced -> {
            assertThat(RetryPolicy.isTransient(bounced.condition())).isTrue();
            assertThat(bounced.text()).contains("the pool is exhausted");
        });
    }

    @Test
    void anEngineFailingOnTheStanzaItselfTellsTheSenderAtOnce() throws Exception {
        gateway.connections = factory(failingWith(new IllegalStateException("the engine failed")));

        assertThat(verdict(gateway.submit(chat()))).isEqualTo(new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                "Parley's S2S engine failed on it: the engine failed"));
    }

    @Test
    void anAddressTheEngineRefusesComesBackAtOnce() throws Exception {
        gateway.connections = factory(failingWith(new IllegalArgumentException("not an RFC 7622 address")));

        assertThat(verdict(gateway.submit(chat()))).isEqualTo(new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST,
                "not an RFC 7622 address"));
    }

    @Test
    void anEngineFailingOnTheStanzaLaterTellsTheSender() throws Exception {
        gateway.connections = factory(answering(CompletableFuture.failedFuture(new IllegalStateException("a bug"))));

        assertThat(verdict(gateway.submit(chat()))).isEqualTo(new Delivery.Bounced(
                StanzaErrorCondition.INTERNAL_SERVER_ERROR, "Parley's S2S engine failed on it: a bug"));
    }

    @Test
    void noVerdictInTimeCountsAsWritten() throws Exception {
        gateway.connections = factory(answering(CompletableFuture.completedFuture(Optional.empty())));

        assertThat(verdict(gateway.submit(chat()))).isEqualTo(new Delivery.Written());
    }

    private static Delivery verdict(CompletionStage<Delivery> stage) throws Exception {
        return stage.toCompletableFuture().get(1, TimeUnit.SECONDS);
    }

    private static StanzaEnvelope chat() throws Exception {
        return StanzaXml.parse("<message xmlns='jabber:client' from='alice@parley.test' to='bob@remote.test'"
                + " type='chat' id='m1'><body>hi</body></message>");
    }

    private static XmppConnectionFactory factory(XmppConnection connection) {
        return new Factory(() -> connection);
    }

    private static XmppConnection answering(CompletionStage<Optional<Delivery>> verdict) {
        return new XmppConnection() {
            @Override
            public CompletionStage<Optional<Delivery>> submit(XmlElement stanza, Duration patience) {
                return verdict;
            }

            @Override
            public void close() {
            }
        };
    }

    private static XmppConnection failingWith(Exception failure) {
        return new XmppConnection() {
            @Override
            public CompletionStage<Optional<Delivery>> submit(XmlElement stanza, Duration patience)
                    throws FederationUnavailableException {
                if (failure instanceof FederationUnavailableException unavailable) {
                    throw unavailable;
                }
                throw (RuntimeException) failure;
            }

            @Override
            public void close() {
            }
        };
    }

    private interface Connections {
        XmppConnection get() throws ResourceException;
    }

    private record Factory(Connections connections) implements XmppConnectionFactory {

        @Override
        public XmppConnection getConnection() throws ResourceException {
            return connections.get();
        }

        @Override
        public void setReference(Reference reference) {
        }

        @Override
        public Reference getReference() {
            return null;
        }
    }
}
