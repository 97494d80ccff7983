package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.certificate.ServerCertificate;
import dev.parley.domain.model.certificate.ServerCertificateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaServerCertificateRepository implements ServerCertificateRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public ServerCertificate get() {
        return existing(entityManager.find(ServerCertificate.class, ServerCertificate.THE_ID));
    }

    @Override
    public ServerCertificate getForChange() {
        return existing(entityManager.find(ServerCertificate.class, ServerCertificate.THE_ID,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    private static ServerCertificate existing(ServerCertificate row) {
        if (row == null) {
            throw new IllegalStateException("The server_certificate row is missing: the schema migration has not run");
        }
        return row;
    }
}
