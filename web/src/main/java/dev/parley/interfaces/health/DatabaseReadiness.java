package dev.parley.interfaces.health;

import dev.parley.application.FederationSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the settings can be read: the database is reachable and its schema migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    FederationSettingsService settings;

    @Override
    public HealthCheckResponse call() {
        try {
            settings.current();
            return HealthCheckResponse.up("parley-database");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("parley-database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
