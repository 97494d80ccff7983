package dev.parley.infrastructure.messaging.jms;

import dev.parley.application.FederationRouting;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Instant;

/** Takes stanzas bound for remote domains off the ToFederation queue and routes them. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ParleyQueues.TO_FEDERATION),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class ToFederationListener extends StanzaListener {

    @Inject
    FederationRouting routing;

    @Override
    protected void handle(StanzaEnvelope stanza, Message message) {
        routing.routeOutbound(stanza, OutboundAttempts.read(message, Instant.now(Clock.systemUTC())));
    }

    @Override
    protected String queueName() {
        return "ToFederation";
    }
}
