package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.UserPresence;
import dev.parley.domain.model.presence.UserPresenceRepository;
import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaUserPresenceRepository implements UserPresenceRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public Optional<UserPresence> find(UserName user) {
        return Optional.ofNullable(entityManager.find(UserPresence.class, user.value()));
    }

    @Override
    public void add(UserPresence presence) {
        entityManager.persist(presence);
    }

    @Override
    public int allUnavailable(Instant when) {
        return entityManager.createQuery("update UserPresence p set p.availability = :unavailable, p.status = null,"
                        + " p.updatedAt = :when where p.availability <> :unavailable")
                .setParameter("unavailable", Availability.UNAVAILABLE)
                .setParameter("when", when)
                .executeUpdate();
    }
}
