package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.application.LocalDelivery;
import dev.parley.application.LocalUserService;
import dev.parley.application.ServedDomain;
import dev.parley.application.StanzaQueues;
import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.stanza.IqAnswers;
import dev.parley.domain.model.stanza.IqRequest;
import dev.parley.domain.model.stanza.StanzaBounce;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaKind;
import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.UserIqAnswers;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every stanza for a local user in the archive, where the user's clients read it; answers IQ requests on the
 * user's behalf, and what no local user can take with the error RFC 6121 §8.5 gives.
 */
@Stateless
public class DefaultLocalDelivery implements LocalDelivery {

    private static final System.Logger LOG = System.getLogger(DefaultLocalDelivery.class.getName());
    static final int MAX_LIMIT = 500;

    @Inject
    MessageArchive archive;

    @Inject
    FederationAudit audit;

    @Inject
    LocalUserService users;

    @Inject
    ServedDomain servedDomain;

    @Inject
    RoutingConfiguration configuration;

    @Inject
    StanzaQueues queues;

    @Override
    public boolean deliver(StanzaEnvelope stanza) {
        Optional<Jid> to = jid(stanza.to());
        Optional<ContactCard> user = to.filter(jid -> servedDomain.isServed(jid.domainpart()))
                .flatMap(Jid::localpart)
                .flatMap(users::reachable);
        if (IqRequest.isRequest(stanza)) {
            String requester = jid(stanza.from()).map(Jid::domainpart).orElse("");
            reply(UserIqAnswers.answer(stanza, user, to.flatMap(Jid::resourcepart).isEmpty(),
                    configuration.current().authorizations().levelFor(requester)));
            return false;
        }
        if (user.isEmpty()) {
            refuse(stanza);
            return false;
        }
        archive.store(new ArchivedStanza(stanza, Instant.now(Clock.systemUTC())));
        return true;
    }

    @Override
    public List<ArchivedStanza> latestFor(String recipient, int limit, String who) {
        List<ArchivedStanza> read = archive.latestFor(recipient, Math.max(1, Math.min(limit, MAX_LIMIT)));
        audit.record(AuditRecord.messagesRead(Instant.now(Clock.systemUTC()), who + " read the latest " + read.size()
                + " stanza(s) kept for " + recipient));
        return read;
    }

    /** RFC 6121 §8.5.2.1 and §8.5.1: messages get service-unavailable; presence, errors and headlines nothing. */
    private void refuse(StanzaEnvelope stanza) {
        if (stanza.kind() != StanzaKind.MESSAGE || stanza.isError() || "headline".equals(stanza.type())) {
            LOG.log(Level.DEBUG, "{0} from {1} to {2}, no local user, dropped", stanza.kind(), stanza.from(),
                    stanza.to());
            return;
        }
        reply(StanzaBounce.of(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, IqAnswers.UNAVAILABLE));
    }

    /** An answer goes back the way its request came: to a local user, or out to the requester's domain. */
    private void reply(StanzaEnvelope answer) {
        boolean local = jid(answer.to()).map(jid -> servedDomain.isServed(jid.domainpart())).orElse(false);
        if (local) {
            queues.toLocalUsers(answer);
        } else {
            queues.toFederation(answer);
        }
    }

    private static Optional<Jid> jid(String address) {
        try {
            return Optional.of(Jid.parse(address));
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }
}
