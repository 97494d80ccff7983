package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.application.LocalDelivery;
import dev.parley.application.LocalUserNotified;
import dev.parley.application.LocalUserService;
import dev.parley.application.ServedDomain;
import dev.parley.application.PresenceService;
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
import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every message for a local user in the archive, where the user's clients read it; hands presence to the
 * {@link PresenceService}; answers IQ requests on the user's behalf, and what no local user can take with the error
 * RFC 6121 §8.5 gives.
 */
@Stateless
public class DefaultLocalDelivery implements LocalDelivery {

    private static final System.Logger LOG = System.getLogger(DefaultLocalDelivery.class.getName());
    static final int MAX_LIMIT = 500;
    /** The key, among the transaction's resources, of the users it found reachable or not. */
    private static final String REACHABLE = DefaultLocalDelivery.class.getName() + ".reachable";

    @Inject
    MessageArchive archive;

    @Inject
    FederationAudit audit;

    @Inject
    LocalUserService users;

    @Inject
    ServedDomain servedDomain;

    @Inject
    PresenceService presence;

    @Inject
    Outbox outbox;

    @Inject
    Event<LocalUserNotified> notified;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public boolean deliver(StanzaEnvelope stanza) {
        Optional<Jid> to = Outbox.jid(stanza.to());
        Optional<ContactCard> user = to.filter(jid -> servedDomain.isServed(jid.domainpart()))
                .flatMap(Jid::localpart)
                .flatMap(this::reachable);
        if (IqRequest.isRequest(stanza)) {
            String requester = Outbox.jid(stanza.from()).map(Jid::domainpart).orElse("");
            outbox.send(UserIqAnswers.answer(stanza, user, to.flatMap(Jid::resourcepart).isEmpty(),
                    outbox.levelFor(requester)));
            return false;
        }
        if (user.isEmpty()) {
            refuse(stanza);
            return false;
        }
        UserName recipient = UserName.of(to.orElseThrow().localpart().orElseThrow());
        return switch (stanza.kind()) {
            case PRESENCE -> {
                boolean received = presence.received(stanza, recipient);
                if (received) {
                    notified.fire(new LocalUserNotified(recipient, LocalUserNotified.What.CONTACTS));
                }
                yield received;
            }
            case MESSAGE -> {
                archive.store(ArchivedStanza.received(stanza, recipient, Instant.now(Clock.systemUTC())));
                notified.fire(new LocalUserNotified(recipient, LocalUserNotified.What.MESSAGE));
                yield true;
            }
            // An IQ result or error answers a request an application sent for the user through JMS: it reaches the
            // user's applications on the feed, and is no message of the user's history.
            case IQ -> true;
        };
    }

    /**
     * The user's card if they can be reached, asked once a transaction: local delivery takes many stanzas for the same
     * few users in one, and each query of the database first checks every entity the transaction stored before it.
     */
    private Optional<ContactCard> reachable(String localpart) {
        @SuppressWarnings("unchecked")
        Map<String, Optional<ContactCard>> known = (Map<String, Optional<ContactCard>>) transactions.getResource(REACHABLE);
        if (known == null) {
            known = new HashMap<>();
            transactions.putResource(REACHABLE, known);
        }
        return known.computeIfAbsent(localpart, users::reachable);
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
        outbox.send(StanzaBounce.of(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, IqAnswers.UNAVAILABLE));
    }
}
