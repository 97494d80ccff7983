package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.DomainAuthorization;
import dev.parley.domain.model.authorization.DomainAuthorizationRepository;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.FederationProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDomainAuthorizationRepository implements DomainAuthorizationRepository {

    static final String CONCURRENT_CHANGE = "someone else changed or removed this domain authorization at the same"
            + " time; read it again and retry";
    static final String CONCURRENT_DUPLICATE = "someone else stored an authorization for the same pattern and"
            + " protocol at the same time; read the authorizations again";

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public List<DomainAuthorization> all() {
        return entityManager.createQuery("select a from DomainAuthorization a", DomainAuthorization.class)
                .getResultList();
    }

    @Override
    public Optional<DomainAuthorization> find(long id) {
        return Optional.ofNullable(entityManager.find(DomainAuthorization.class, id));
    }

    @Override
    public Optional<DomainAuthorization> find(DomainPattern pattern, FederationProtocol protocol) {
        return entityManager.createQuery("select a from DomainAuthorization a"
                        + " where a.pattern = :pattern and a.protocol = :protocol", DomainAuthorization.class)
                .setParameter("pattern", pattern.text())
                .setParameter("protocol", protocol)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(DomainAuthorization authorization) throws AuthorizationConflictException {
        try {
            entityManager.persist(authorization);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e);
        }
    }

    @Override
    public void addAll(List<DomainAuthorization> authorizations) throws AuthorizationConflictException {
        try {
            authorizations.forEach(entityManager::persist);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e);
        }
    }

    @Override
    public void remove(DomainAuthorization authorization) {
        entityManager.remove(authorization);
    }

    @Override
    public void flush() throws AuthorizationConflictException {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translated(e);
        }
    }

    /** A conflict with another transaction as the domain says it; anything else as it came. */
    private static AuthorizationConflictException translated(PersistenceException e) {
        if (e instanceof OptimisticLockException) {
            return withCause(new AuthorizationConflictException(CONCURRENT_CHANGE), e);
        }
        if (UniqueViolations.causedBy(e)) {
            // the unique (pattern, protocol)
            return withCause(new AuthorizationConflictException(CONCURRENT_DUPLICATE), e);
        }
        throw e;
    }

    private static AuthorizationConflictException withCause(AuthorizationConflictException conflict, Throwable cause) {
        conflict.initCause(cause);
        return conflict;
    }
}
