package dev.parley.application.internal;

import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.domain.model.stanza.StanzaBounce;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Routes outbound stanzas. The path to remote servers (the resource adapter's outbound
 * connections) does not exist yet, so every stanza goes back to its sender as an error that says
 * why; with federation switched off that is the lasting behaviour.
 */
@Stateless
public class DefaultFederationRouting implements FederationRouting {

    private static final System.Logger LOG = System.getLogger(DefaultFederationRouting.class.getName());
    static final String FEDERATION_OFF = "XMPP federation is switched off on this server";
    static final String NO_OUTBOUND_PATH = "This Parley version cannot send to remote XMPP domains yet";

    @Inject
    FederationSettingsRepository settings;

    @Inject
    StanzaQueues queues;

    @Override
    public void routeOutbound(StanzaEnvelope stanza) {
        String reason = settings.get().snapshot().enabled() ? NO_OUTBOUND_PATH : FEDERATION_OFF;
        if (stanza.isError()) {
            // RFC 6120 §8.3.1: an error is never answered with an error; keep it for an administrator instead.
            LOG.log(Level.WARNING, "Undeliverable error stanza from {0} to {1} set aside: {2}",
                    stanza.from(), stanza.to(), reason);
            queues.deadLetter(stanza.xml(), reason, "ToFederation");
            return;
        }
        queues.toLocalUsers(StanzaBounce.of(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, reason));
    }
}
