package dev.parley.infrastructure.federation;

import dev.parley.application.FederationConfigurationChanged;
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
 * and applies the committed settings and domain authorizations again after every change.
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

    // After completion the change's own transaction is over; the apply reads what is committed in a new one.
    // The singleton's write lock makes overlapping changes apply one after the other, the last
    // completion reading the last committed state.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void configurationChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) FederationConfigurationChanged change) {
        applyOrLog("after a change by " + change.who());
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
