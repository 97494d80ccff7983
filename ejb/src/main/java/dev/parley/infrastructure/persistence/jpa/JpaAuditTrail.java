package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.audit.AuditEntry;
import dev.parley.domain.model.audit.AuditQuery;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    @Override
    public void append(List<AuditRecord> records) {
        Instant now = Instant.now(clock);
        for (AuditRecord record : records) {
            entityManager.persist(new AuditEntry(record, now));
        }
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.remoteDomain() != null) {
            conditions.add("e.remoteDomain = :remoteDomain");
            parameters.put("remoteDomain", query.remoteDomain());
        }
        if (query.kind() != null) {
            conditions.add("e.kind = :kind");
            parameters.put("kind", query.kind());
        }
        if (query.since() != null) {
            conditions.add("e.occurredAt >= :since");
            parameters.put("since", query.since());
        }
        if (query.until() != null) {
            conditions.add("e.occurredAt < :until");
            parameters.put("until", query.until());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<AuditEntry> jpql = entityManager.createQuery(
                "select e from AuditEntry e" + where + " order by e.occurredAt desc, e.id desc", AuditEntry.class);
        parameters.forEach(jpql::setParameter);
        return jpql.setMaxResults(query.limit()).getResultList();
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return entityManager.createQuery("delete from AuditEntry e where e.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    @Override
    public int deleteBeyondNewest(long keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative, not " + keep);
        }
        if (keep >= Integer.MAX_VALUE) {
            return 0; // more than a query can skip, and far more than a table of this kind holds
        }
        // The newest entry to go, in find's order; it and everything older (ties broken by id) go.
        List<Object[]> firstToGo = entityManager.createQuery(
                        "select e.occurredAt, e.id from AuditEntry e order by e.occurredAt desc, e.id desc", Object[].class)
                .setFirstResult((int) keep)
                .setMaxResults(1)
                .getResultList();
        if (firstToGo.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery(
                        "delete from AuditEntry e where e.occurredAt < :at or (e.occurredAt = :at and e.id <= :id)")
                .setParameter("at", firstToGo.get(0)[0])
                .setParameter("id", firstToGo.get(0)[1])
                .executeUpdate();
    }
}
