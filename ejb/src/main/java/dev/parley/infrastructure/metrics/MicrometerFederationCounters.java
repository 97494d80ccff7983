package dev.parley.infrastructure.metrics;

import dev.parley.application.FederationCounters;
import dev.parley.application.TrafficFigures;
import dev.parley.observability.FederationFigures;
import dev.parley.observability.FederationMeters;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The counts, as meters in WildFly's Micrometer registry (the EAR library's {@link FederationMeters}). */
@ApplicationScoped
public class MicrometerFederationCounters implements FederationCounters {

    @Inject
    FederationMeters meters;

    @Override
    public void received(int count) {
        meters.stanzasReceived(count);
    }

    @Override
    public void written(int count) {
        meters.stanzasWritten(count);
    }

    @Override
    public void retried(StanzaErrorCondition condition) {
        meters.stanzaSent("retried", condition);
    }

    @Override
    public void bounced(StanzaErrorCondition condition) {
        meters.stanzaSent("bounced", condition);
    }

    @Override
    public void event(FederationEvent.Kind kind) {
        meters.event(kind);
    }

    @Override
    public TrafficFigures figures() {
        FederationFigures figures = meters.figures();
        return new TrafficFigures(figures.received(), figures.written(), figures.retried(), figures.bounced(),
                figures.inboundSessions(), figures.outboundSessions());
    }
}
