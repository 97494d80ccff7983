package dev.parley.infrastructure.federation;

import dev.parley.application.FederationAudit;
import dev.parley.application.FederationCounters;
import dev.parley.application.FederationRouting;
import dev.parley.application.StanzaQueues;
import dev.parley.connector.api.FederationListener;
import dev.parley.domain.model.stanza.InboundRefusal;
import dev.parley.domain.model.stanza.InvalidStanzaException;
import dev.parley.domain.model.stanza.StanzaElements;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.xml.XmlElement;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The MDB the resource adapter delivers to (bound to it in META-INF/jboss-ejb3.xml): stanzas from
 * remote servers go through routing to the UC messaging module's queue, several in one container
 * transaction when they come in a burst; engine events go to the audit trail. An exception rolls
 * back and the adapter offers the stanzas again, then one by one, then returns a stanza that still
 * fails to its sender.
 */
@MessageDriven(messageListenerInterface = FederationListener.class)
public class InboundFederationListener implements FederationListener {

    private static final System.Logger LOG = System.getLogger(InboundFederationListener.class.getName());

    @Inject
    FederationRouting routing;

    @Inject
    FederationAudit audit;

    @Inject
    FederationCounters counters;

    @Inject
    StanzaQueues queues;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void onStanzas(List<XmlElement> stanzas) {
        stanzas.forEach(this::route);
        countOnCommit(stanzas.size());
    }

    /** A batch that rolls back is offered again, one by one: counted when it commits, each stanza counts once. */
    private void countOnCommit(int count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to flush: the count is not part of the transaction.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counters.received(count);
                }
            }
        });
    }

    private void route(XmlElement stanza) {
        try {
            routing.routeInbound(StanzaElements.toEnvelope(stanza));
        } catch (InvalidStanzaException e) {
            // The engine checked the addresses; what it let through but the application cannot represent (an iq
            // without a type, say) goes back to its sender as bad-request. An error cannot loop: none is answered.
            LOG.log(Level.WARNING, "Refusing a <{0}/> from {1} to {2} (id {3}) that the application cannot take: {4}",
                    stanza.name(), stanza.attribute("from").orElse("-"), stanza.attribute("to").orElse("-"),
                    stanza.attribute("id").orElse("-"), e.getMessage());
            InboundRefusal.reply(stanza, e.getMessage()).ifPresent(queues::toFederation);
        }
    }

    @Override
    public void onEvent(FederationEvent event) {
        counters.event(event.kind());
        audit.record(AuditRecords.of(event));
    }
}
