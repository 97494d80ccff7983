package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.certificate.InvalidCertificateException;
import dev.parley.domain.model.certificate.TrustedCa;
import dev.parley.domain.model.certificate.TrustedCaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTrustedCaRepository implements TrustedCaRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public List<TrustedCa> all() {
        return entityManager.createQuery("select c from TrustedCa c order by c.id", TrustedCa.class).getResultList();
    }

    @Override
    public Optional<TrustedCa> find(long id) {
        return Optional.ofNullable(entityManager.find(TrustedCa.class, id));
    }

    @Override
    public Optional<TrustedCa> findBySha256(String sha256) {
        return entityManager.createQuery("select c from TrustedCa c where c.sha256 = :sha256", TrustedCa.class)
                .setParameter("sha256", sha256)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(TrustedCa ca) throws InvalidCertificateException {
        try {
            entityManager.persist(ca);
            entityManager.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                // SQLSTATE 23505, unique violation (H2 and PostgreSQL alike): here the unique sha256.
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    InvalidCertificateException duplicate = new InvalidCertificateException(
                            "someone else added the same CA at the same time: " + ca.summary() + " is trusted already");
                    duplicate.initCause(e);
                    throw duplicate;
                }
            }
            throw e;
        }
    }

    @Override
    public void remove(TrustedCa ca) {
        entityManager.remove(ca);
        entityManager.flush();
    }
}
