package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.certificate.CertificateRequest;
import dev.parley.domain.model.certificate.CertificateRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaCertificateRequestRepository implements CertificateRequestRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public CertificateRequest get() {
        return existing(entityManager.find(CertificateRequest.class, CertificateRequest.THE_ID));
    }

    @Override
    public CertificateRequest getForChange() {
        return existing(entityManager.find(CertificateRequest.class, CertificateRequest.THE_ID,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    private static CertificateRequest existing(CertificateRequest row) {
        if (row == null) {
            throw new IllegalStateException("The certificate_request row is missing: the schema migration has not run");
        }
        return row;
    }
}
