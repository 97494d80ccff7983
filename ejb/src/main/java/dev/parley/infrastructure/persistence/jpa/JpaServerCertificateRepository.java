package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.certificate.CertificateRole;
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
    public ServerCertificate get(CertificateRole role) {
        return existing(entityManager.find(ServerCertificate.class, role.rowId()), role);
    }

    @Override
    public ServerCertificate getForChange(CertificateRole role) {
        return existing(entityManager.find(ServerCertificate.class, role.rowId(), LockModeType.PESSIMISTIC_WRITE), role);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    private static ServerCertificate existing(ServerCertificate row, CertificateRole role) {
        if (row == null) {
            throw new IllegalStateException("The server_certificate row of the " + role.displayName()
                    + " is missing: the schema migration has not run");
        }
        return row;
    }
}
