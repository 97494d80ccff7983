package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.stanza.StanzaKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaMessageArchive implements MessageArchive {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public void store(ArchivedStanza stanza) {
        entityManager.persist(stanza);
    }

    @Override
    public List<ArchivedStanza> latestFor(String recipient, int limit) {
        // A prefix compare instead of LIKE: JIDs may contain '%' and '_', which LIKE would treat as wildcards.
        String resourcePrefix = recipient + "/";
        return entityManager.createQuery(
                        "select a from ArchivedStanza a where a.recipient = :recipient"
                                + " or substring(a.recipient, 1, :prefixLength) = :prefix"
                                + " order by a.receivedAt desc, a.id desc", ArchivedStanza.class)
                .setParameter("recipient", recipient)
                .setParameter("prefixLength", resourcePrefix.length())
                .setParameter("prefix", resourcePrefix)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<ArchivedStanza> conversation(String user, String contact, int limit) {
        return entityManager.createQuery(
                        "select a from ArchivedStanza a where a.kind = :message and ("
                                + "((a.sender = :user or substring(a.sender, 1, :userLength) = :userPrefix)"
                                + " and (a.recipient = :contact or substring(a.recipient, 1, :contactLength) = :contactPrefix))"
                                + " or ((a.sender = :contact or substring(a.sender, 1, :contactLength) = :contactPrefix)"
                                + " and (a.recipient = :user or substring(a.recipient, 1, :userLength) = :userPrefix)))"
                                + " order by a.receivedAt desc, a.id desc", ArchivedStanza.class)
                .setParameter("message", StanzaKind.MESSAGE)
                .setParameter("user", user)
                .setParameter("userLength", user.length() + 1)
                .setParameter("userPrefix", user + "/")
                .setParameter("contact", contact)
                .setParameter("contactLength", contact.length() + 1)
                .setParameter("contactPrefix", contact + "/")
                .setMaxResults(limit)
                .getResultList();
    }
}
