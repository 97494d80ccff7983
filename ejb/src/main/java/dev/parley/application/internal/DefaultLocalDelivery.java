package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.application.LocalDelivery;
import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Keeps every stanza for a local user in the archive, where the user's clients read it. */
@Stateless
public class DefaultLocalDelivery implements LocalDelivery {

    static final int MAX_LIMIT = 500;

    @Inject
    MessageArchive archive;

    @Inject
    FederationAudit audit;

    @Override
    public void deliver(StanzaEnvelope stanza) {
        archive.store(new ArchivedStanza(stanza, Instant.now(Clock.systemUTC())));
    }

    @Override
    public List<ArchivedStanza> latestFor(String recipient, int limit, String who) {
        List<ArchivedStanza> read = archive.latestFor(recipient, Math.max(1, Math.min(limit, MAX_LIMIT)));
        audit.record(AuditRecord.messagesRead(Instant.now(Clock.systemUTC()), who + " read the latest " + read.size()
                + " stanza(s) kept for " + recipient));
        return read;
    }
}
