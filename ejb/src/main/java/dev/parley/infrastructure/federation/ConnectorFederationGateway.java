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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Submits through the resource adapter's connection factory; the engine's verdict comes later, on its own thread. */
@ApplicationScoped
public class ConnectorFederationGateway implements FederationGateway {

    private static final System.Logger LOG = System.getLogger(ConnectorFederationGateway.class.getName());

    /**
     * How long a stanza's queue message stays unacknowledged waiting for the engine's verdict: long enough for a new
     * session (DNS, a connection per address, TLS, dialback). Without a verdict by then the engine keeps the stanza
     * and returns it through the inbound path should it fail, and the message is let go, so that a remote server
     * that stopped reading does not hold its places among the stanzas in flight for good.
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
    public CompletionStage<Delivery> submit(StanzaEnvelope stanza) {
        try (XmppConnection connection = connections.getConnection()) {
            return connection.submit(StanzaElements.toElement(stanza), PATIENCE).handle((fate, failure) ->
                    failure == null ? fate.orElseGet(Delivery.Written::new) : engineFailed(stanza, failure));
        } catch (FederationUnavailableException e) {
            return notNow("Parley's S2S engine is not running: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // The engine's own checks (RFC 7622 addresses, a local sender, XML 1.0 characters) are stricter than the queue's.
            return CompletableFuture.completedStage(new Delivery.Bounced(StanzaErrorCondition.BAD_REQUEST, e.getMessage()));
        } catch (ResourceException e) {
            return notNow("no connection to Parley's S2S engine: " + e.getMessage());
        } catch (IllegalStateException e) {
            return CompletableFuture.completedStage(engineFailed(stanza, e));
        }
    }

    private static Delivery engineFailed(StanzaEnvelope stanza, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        LOG.log(Level.ERROR, "The S2S engine failed on a stanza to " + stanza.to(), cause);
        return new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                "Parley's S2S engine failed on it: " + cause.getMessage());
    }

    private static CompletionStage<Delivery> notNow(String why) {
        return CompletableFuture.completedStage(new Delivery.Bounced(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, why));
    }
}
