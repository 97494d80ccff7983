package dev.parley.infrastructure.persistence.jpa;

import dev.parley.domain.model.settings.FederationSettings;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaFederationSettingsRepository implements FederationSettingsRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager entityManager;

    @Override
    public FederationSettings get() {
        FederationSettings settings = entityManager.find(FederationSettings.class, FederationSettings.THE_ID);
        if (settings == null) {
            throw new IllegalStateException("The federation_settings row is missing: the schema migration has not run");
        }
        return settings;
    }
}
