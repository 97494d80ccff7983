package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.LocalDelivery;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;

/**
 * The UC messaging module's intake: stanzas from remote domains, and bounces of what local users
 * sent, come off the FromFederation queue and are delivered to local users; enterprise applications get a copy on
 * the feed topic, in the same transaction, instead of consuming the queue themselves: a copy of what a local user got,
 * not of what Parley answered on a user's behalf or refused.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ParleyQueues.FROM_FEDERATION),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Each delivery mostly waits for the disk; many at once share its writes (see parley.cli on the MDB pool).
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "48")})
public class FromFederationListener extends StanzaListener {

    @Inject
    LocalDelivery delivery;

    @Override
    protected void handle(StanzaEnvelope stanza, Message message) {
        if (delivery.deliver(stanza)) {
            queues.toFeed(stanza);
        }
    }

    @Override
    protected String queueName() {
        return "FromFederation";
    }
}
