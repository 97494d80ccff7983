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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends through the resource adapter's connection factory and waits for the engine's verdict. */
@ApplicationScoped
public class ConnectorFederationGateway implements FederationGateway {

    /**
     * Longer than the engine can take for one stanza (DNS, a connection per address, TLS,
     * dialback), shorter than the transaction timeout: the engine always answers before this.
     */
    static final long VERDICT_SECONDS = 180;

    @Resource(lookup = XmppConnectionFactory.JNDI_NAME)
    XmppConnectionFactory connections;

    @Override
    public Delivery send(StanzaEnvelope stanza) {
        try (XmppConnection connection = connections.getConnection()) {
            return connection.submit(StanzaElements.toElement(stanza)).toCompletableFuture()
                    .get(VERDICT_SECONDS, TimeUnit.SECONDS);
        } catch (FederationUnavailableException e) {
            return new Delivery.Bounced(StanzaErrorCondition.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (IllegalArgumentException e) {
            // The engine's own checks (RFC 7622 addresses, a local sender) are stricter than the queue's.
            return new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST, e.getMessage());
        } catch (ResourceException e) {
            throw new IllegalStateException("No connection to Parley's S2S engine: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + stanza.to(), e);
        } catch (ExecutionException | TimeoutException e) {
            // Rolled back: the message comes again, which may send the stanza twice but never loses it.
            throw new IllegalStateException("The S2S engine gave no verdict on a stanza to " + stanza.to(), e);
        }
    }
}
