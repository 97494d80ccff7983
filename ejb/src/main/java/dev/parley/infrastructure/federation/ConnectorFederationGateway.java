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
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Sends through the resource adapter's connection factory and waits for the engine's verdict. */
@ApplicationScoped
public class ConnectorFederationGateway implements FederationGateway {

    private static final System.Logger LOG = System.getLogger(ConnectorFederationGateway.class.getName());

    /**
     * How long an outbound MDB waits for the engine's verdict on a stanza: long enough for a new
     * session (DNS, a connection per address, TLS, dialback), well inside the transaction timeout.
     * Without a verdict by then the engine keeps the stanza and returns it through the inbound
     * path should it fail.
     */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Resource(lookup = XmppConnectionFactory.JNDI_NAME)
    XmppConnectionFactory connections;

    /**
     * The engine's verdict. When the engine cannot take the stanza (it failed to start, federation was switched off a
     * moment ago, the adapter has no connection to give), the verdict is {@code remote-server-timeout}, which the
     * routing retries within its window and then returns to the sender: a stanza never goes to the dead-letter queue,
     * or back at once, for a failure time can mend. A failure of the engine on the stanza itself is a fault here, not
     * at the remote server: it goes back to the sender at once as {@code internal-server-error}.
     */
    @Override
    public Delivery send(StanzaEnvelope stanza) {
        try (XmppConnection connection = connections.getConnection()) {
            return connection.send(StanzaElements.toElement(stanza), PATIENCE).orElseGet(Delivery.Written::new);
        } catch (FederationUnavailableException e) {
            return notNow("Parley's S2S engine is not running: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // The engine's own checks (RFC 7622 addresses, a local sender, XML 1.0 characters) are stricter than the queue's.
            return new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST, e.getMessage());
        } catch (ResourceException e) {
            return notNow("no connection to Parley's S2S engine: " + e.getMessage());
        } catch (IllegalStateException e) {
            LOG.log(Level.ERROR, "The S2S engine failed on a stanza to " + stanza.to(), e);
            return new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                    "Parley's S2S engine failed on it: " + e.getMessage());
        } catch (InterruptedException e) {
            // The engine has the stanza: treated as accepted, as a rollback would send it twice.
            Thread.currentThread().interrupt();
            return new Delivery.Written();
        }
    }

    private static Delivery notNow(String why) {
        return new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, why);
    }
}
