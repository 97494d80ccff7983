package dev.parley.application.internal;

import dev.parley.application.InvalidMessageException;
import dev.parley.application.MessagingService;
import dev.parley.application.ServedDomain;
import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.stanza.ChatMessages;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.Jid;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sends local users' chat messages through the {@link Outbox}; reads what reached them from the archive. */
@Stateless
public class DefaultMessagingService implements MessagingService {

    static final int MAX_LIMIT = 500;
    static final int MAX_ID_CHARS = 128;

    @Inject
    Outbox outbox;

    @Inject
    ServedDomain servedDomain;

    @Inject
    MessageArchive archive;

    Clock clock = Clock.systemUTC();

    @Override
    public String send(UserName user, String to, String body, String id) throws InvalidMessageException {
        List<String> problems = new ArrayList<>();
        Optional<Jid> recipient = Outbox.jid(to == null ? null : to.strip());
        if (recipient.isEmpty()) {
            problems.add(to == null || to.isBlank() ? "to is required" : "to '" + to + "' is not an XMPP address");
        } else if (recipient.get().localpart().isEmpty()) {
            problems.add("to " + to + " is a server, not a user");
        } else if (!outbox.levelFor(recipient.get().domainpart()).allowsFederation()) {
            problems.add("this server does not federate with " + recipient.get().domainpart()
                    + ": ask an administrator to authorize it");
        }
        ChatMessages.bodyProblem(body).ifPresent(problems::add);
        if (id != null && (id.isBlank() || id.length() > MAX_ID_CHARS)) {
            problems.add("id must be 1 to " + MAX_ID_CHARS + " characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
        String messageId = id == null ? UUID.randomUUID().toString() : id;
        StanzaEnvelope message = ChatMessages.chat(servedDomain.sessionOf(user), recipient.get(), messageId, body);
        archive.store(ArchivedStanza.sent(message, user, Instant.now(clock)));
        outbox.send(message);
        return messageId;
    }

    @Override
    public List<ArchivedStanza> received(UserName user, int limit) {
        return archive.receivedBy(user, bounded(limit));
    }

    @Override
    public List<ArchivedStanza> conversation(UserName user, String contact, int limit) {
        return Outbox.jid(contact).map(jid -> archive.conversation(user, jid.asBareJid().toString(), bounded(limit)))
                .orElse(List.of());
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
