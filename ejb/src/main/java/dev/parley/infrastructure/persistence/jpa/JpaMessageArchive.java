package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.archive.ArchivedStanza;
import dev.parley.domain.model.archive.MessageArchive;
import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
    public List<ArchivedStanza> receivedBy(UserName owner, int limit) {
        // The page's ids first, from the index alone (archived_stanza_received holds every column this reads), then
        // those rows: ordering all of a user's rows, each read whole, cost a hundred milliseconds with a million kept.
        List<Long> page = entityManager.createQuery("select a.id from ArchivedStanza a where a.owner = :owner"
                        + " and a.outbound = false order by a.receivedAt desc, a.id desc", Long.class)
                .setParameter("owner", owner.value())
                .setMaxResults(limit)
                .getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select a from ArchivedStanza a where a.id in :page"
                        + " order by a.receivedAt desc, a.id desc", ArchivedStanza.class)
                .setParameter("page", page)
                .getResultList();
    }

    @Override
    public List<ArchivedStanza> conversation(UserName owner, String peer, int limit) {
        return entityManager.createQuery("select a from ArchivedStanza a where a.owner = :owner and a.peer = :peer"
                        + " order by a.receivedAt desc, a.id desc", ArchivedStanza.class)
                .setParameter("owner", owner.value())
                .setParameter("peer", peer)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void deleteOwnedBy(UserName owner) {
        entityManager.createQuery("delete from ArchivedStanza a where a.owner = :owner")
                .setParameter("owner", owner.value())
                .executeUpdate();
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int batch) {
        // Ids first, then one bounded delete: neither a huge transaction nor a lock on the whole table.
        List<Long> ids = entityManager.createQuery("select a.id from ArchivedStanza a where a.receivedAt < :cutoff"
                        + " order by a.receivedAt", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batch)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery("delete from ArchivedStanza a where a.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
