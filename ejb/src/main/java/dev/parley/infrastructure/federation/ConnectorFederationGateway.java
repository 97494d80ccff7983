package dev.parley.infrastructure.federation;

import dev.parley.application.FederationGateway;
import dev.parley.connector.api.FederationUnavailableException;
import dev.parley.connector.api.XmppConnection;
import dev.parley.connector.api.XmppConnectionFactory;
import dev.parley.domain.model.stanza.StanzaElements;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import java.time.Duration;

/** Sends through the resource adapter's connection factory and waits for the engine's verdict. */
@ApplicationScoped
public class ConnectorFederationGateway implements FederationGateway {

    /**
     * How long an outbound MDB waits for the engine's verdict on a stanza: long enough for a new
     * session (DNS, a connection per address, TLS, dialback), well inside the transaction timeout.
     * Without a verdict by then the engine keeps the stanza and returns it through the inbound
     * path should it fail.
     */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Resource(lookup = XmppConnectionFactory.JNDI_NAME)
    XmppConnectionFactory connections;

    @Override
    public Delivery send(StanzaEnvelope stanza) {
        try (XmppConnection connection = connections.getConnection()) {
            return connection.send(StanzaElements.toElement(stanza), PATIENCE).orElseGet(Delivery.Written::new);
        } catch (FederationUnavailableException e) {
            return new Delivery.Bounced(StanzaErrorCondition.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (IllegalArgumentException e) {
            // The engine's own checks (RFC 7622 addresses, a local sender, XML 1.0 characters) are stricter than the queue's.
            return new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST, e.getMessage());
        } catch (ResourceException e) {
            throw new IllegalStateException("No connection to Parley's S2S engine: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            // The engine has the stanza: treated as accepted, as a rollback would send it twice.
            Thread.currentThread().interrupt();
            return new Delivery.Written();
        }
    }
}
