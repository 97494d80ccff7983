package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.user.LocalUser;
import dev.parley.domain.model.user.LocalUserRepository;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLocalUserRepository implements LocalUserRepository {

    static final String CONCURRENT_CHANGE = "someone else changed or removed this user at the same time; read it"
            + " again and retry";
    static final String CONCURRENT_DUPLICATE = "someone else created a user of the same name at the same time";

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public List<LocalUser> all() {
        return entityManager.createQuery("select u from LocalUser u order by u.userName", LocalUser.class)
                .getResultList();
    }

    @Override
    public Optional<LocalUser> find(UserName name) {
        return entityManager.createQuery("select u from LocalUser u where u.userName = :name", LocalUser.class)
                .setParameter("name", name.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public void lockForChange(UserName name) {
        entityManager.createQuery("select u from LocalUser u where u.userName = :name", LocalUser.class)
                .setParameter("name", name.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public void add(LocalUser user) throws UserConflictException {
        entityManager.persist(user);
        flush();
    }

    @Override
    public void remove(LocalUser user) {
        entityManager.remove(user);
    }

    @Override
    public void flush() throws UserConflictException {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw withCause(new UserConflictException(CONCURRENT_CHANGE), e);
        } catch (PersistenceException e) {
            if (UniqueViolations.causedBy(e)) {
                throw withCause(new UserConflictException(CONCURRENT_DUPLICATE), e);
            }
            throw e;
        }
    }

    private static UserConflictException withCause(UserConflictException conflict, Throwable cause) {
        conflict.initCause(cause);
        return conflict;
    }
}
