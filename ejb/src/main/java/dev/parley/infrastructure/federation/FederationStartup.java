package dev.parley.infrastructure.federation;

import dev.parley.application.AuthorizationsChanged;
import dev.parley.application.FederationRuntime;
import dev.parley.domain.model.settings.InvalidSettingsException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Starts federation as the database says when the application starts (the adapter waits for it),
 * and applies domain authorization changes once they are committed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FederationStartup {

    private static final System.Logger LOG = System.getLogger(FederationStartup.class.getName());

    @Inject
    FederationRuntime runtime;

    @PostConstruct
    void applyStoredSettings() {
        applyOrLog("at start-up");
    }

    // After the commit the change's own transaction is over; the apply reads in a new one.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void authorizationsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthorizationsChanged change) {
        applyOrLog("after a change of the domain authorizations");
    }

    private void applyOrLog(String when) {
        try {
            runtime.apply();
        } catch (InvalidSettingsException e) {
            // The server still starts: the administrator reads the reason in the status and fixes the settings.
            LOG.log(Level.ERROR, "XMPP federation settings could not be applied " + when + ": "
                    + String.join("; ", e.problems()));
        }
    }
}
