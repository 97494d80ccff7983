package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.roster.RosterItem;
import dev.parley.domain.model.roster.RosterRepository;
import dev.parley.domain.model.roster.Subscription;
import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaRosterRepository implements RosterRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public List<RosterItem> of(UserName owner) {
        return entityManager.createQuery("select r from RosterItem r where r.owner = :owner order by r.contact",
                        RosterItem.class)
                .setParameter("owner", owner.value())
                .getResultList();
    }

    @Override
    public Optional<RosterItem> find(UserName owner, String contact) {
        return entityManager.createQuery("select r from RosterItem r where r.owner = :owner and r.contact = :contact",
                        RosterItem.class)
                .setParameter("owner", owner.value())
                .setParameter("contact", contact)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<RosterItem> seeingPresence() {
        return entityManager.createQuery("select r from RosterItem r where r.subscription in :seeing", RosterItem.class)
                .setParameter("seeing", List.of(Subscription.FROM, Subscription.BOTH))
                .getResultList();
    }

    @Override
    public void add(RosterItem item) {
        entityManager.persist(item);
    }

    @Override
    public void remove(RosterItem item) {
        entityManager.remove(item);
    }
}
