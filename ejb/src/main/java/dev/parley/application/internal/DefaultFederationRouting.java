package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.application.FederationCounters;
import dev.parley.application.FederationGateway;
import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.routing.OutboundAttempt;
import dev.parley.domain.model.routing.RetryPolicy;
import dev.parley.domain.model.stanza.IqAnswers;
import dev.parley.domain.model.stanza.StanzaBounce;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Routes stanzas across the federation boundary. Outbound: federation switched on, the remote
 * domain authorized, then the engine, without waiting for it; on its verdict a transient failure is queued again (a
 * persistent, delayed JMS message, so a restart loses nothing) until the retry window closes. Inbound: the sending
 * domain authorized, then the UC messaging module's queue.
 */
@Stateless
public class DefaultFederationRouting implements FederationRouting {

    private static final System.Logger LOG = System.getLogger(DefaultFederationRouting.class.getName());
    static final String FEDERATION_OFF = "XMPP federation is switched off on this server";

    @Inject
    RoutingConfiguration configuration;

    @Inject
    FederationGateway gateway;

    @Inject
    StanzaQueues queues;

    @Inject
    FederationAudit audit;

    @Inject
    FederationCounters counters;

    private final Clock clock = Clock.systemUTC();

    /**
     * Without a transaction of its own: the outbound consumer calls this for every stanza, and beginning and committing
     * one per stanza cost it a quarter of its time, for nothing to make atomic on the usual path. A refusal's audit
     * record commits in its own, then the bounce is queued; should queueing fail, the consumer tries again.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CompletionStage<Delivery>> routeOutbound(StanzaEnvelope stanza) {
        RoutingConfiguration.Current configured = configuration.current();
        if (!configured.settings().enabled()) {
            giveBack(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, FEDERATION_OFF);
            return Optional.empty();
        }
        String remoteDomain = stanza.toDomain();
        Optional<String> refusal = configured.authorizations().refusal(remoteDomain);
        if (refusal.isPresent()) {
            audit.record(new AuditRecord(clock.instant(), AuditKind.STANZA_REFUSED, AuditDirection.OUTBOUND,
                    stanza.fromDomain(), remoteDomain, "", null, null,
                    "stanza from " + stanza.from() + " refused: " + refusal.get()));
            giveBack(stanza, StanzaErrorCondition.NOT_ALLOWED, refusal.get());
            return Optional.empty();
        }
        return Optional.of(gateway.submit(stanza));
    }

    /**
     * Without a transaction of its own, like {@link #routeOutbound}: usually it only counts; a bounce is one message
     * queued, a retry one the consumer queues, and the consumer acknowledges the stanza's message only after that.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Duration> settleOutbound(StanzaEnvelope stanza, OutboundAttempt attempt, Delivery delivery) {
        if (!(delivery instanceof Delivery.Bounced bounced)) {
            counters.written(1);
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Duration> wait = RetryPolicy.within(configuration.current().settings().outboundRetryWindow())
                .nextTry(attempt, bounced.condition(), now);
        if (wait.isPresent()) {
            LOG.log(Level.DEBUG, "Stanza to {0} tried again in {1}: {2}", stanza.to(), wait.get(), bounced.text());
            counters.retried(bounced.condition());
        } else {
            giveBack(stanza, bounced.condition(), attempt.number() == 1 ? bounced.text()
                    : bounced.text() + " (given up after " + attempt.number() + " tries since " + attempt.firstTry() + ")");
        }
        return wait;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void countDelivered(int stanzas) {
        counters.written(stanzas);
    }

    @Override
    public void routeInbound(StanzaEnvelope stanza) {
        String remoteDomain = stanza.fromDomain();
        Optional<String> refusal = stanza.isError() ? Optional.empty()
                : configuration.current().authorizations().refusal(remoteDomain);
        if (refusal.isPresent()) {
            // The engine refuses such domains when they authenticate and closes their streams when an
            // administrator withdraws the authorization; this catches a stanza already on its way then.
            // No error goes back: the domain is one this server must not contact.
            audit.record(new AuditRecord(clock.instant(), AuditKind.STANZA_REFUSED, AuditDirection.INBOUND,
                    stanza.toDomain(), remoteDomain, "", null, null,
                    "stanza from " + stanza.from() + " to " + stanza.to() + " dropped: " + refusal.get()));
            return;
        }
        if (IqAnswers.isForTheServer(stanza)) {
            // Every get and set is answered (RFC 6120 §8.2.3); the answer leaves like any stanza to that domain.
            // Requests to users are the UC messaging module's to answer.
            queues.toFederation(IqAnswers.answer(stanza));
            return;
        }
        queues.toLocalUsers(stanza);
    }

    /** Returns {@code stanza} to its local sender; an error stanza, never answered, is set aside instead. */
    private void giveBack(StanzaEnvelope stanza, StanzaErrorCondition condition, String reason) {
        counters.bounced(condition);
        if (stanza.isError()) {
            // RFC 6120 §8.3.1: an error is never answered with an error; keep it for an administrator instead.
            LOG.log(Level.WARNING, "Undeliverable error stanza from {0} to {1} set aside: {2}",
                    stanza.from(), stanza.to(), reason);
            queues.deadLetter(stanza.xml(), reason, "ToFederation");
            return;
        }
        queues.toLocalUsers(StanzaBounce.of(stanza, condition, reason));
    }
}
