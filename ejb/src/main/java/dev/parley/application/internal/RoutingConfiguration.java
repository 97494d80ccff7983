package dev.parley.application.internal;

import dev.parley.application.DomainAuthorizationService;
import dev.parley.application.FederationConfigurationChanged;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.domain.model.settings.SettingsSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The settings and the authorization table as routing reads them for every stanza, kept in memory
 * instead of read from the database each time, and dropped whenever a change completes.
 */
@ApplicationScoped
public class RoutingConfiguration {

    /** One consistent view: the settings and the table read together. */
    record Current(SettingsSnapshot settings, AuthorizationTable authorizations) {
    }

    @Inject
    FederationSettingsRepository settings;

    @Inject
    DomainAuthorizationService authorizations;

    @Inject
    Event<AuthorizationTableReplaced> replaced;

    private final AtomicReference<Current> current = new AtomicReference<>();
    /** Counts changes, so that a view read while a change completed is not kept. */
    private final AtomicLong generation = new AtomicLong();

    Current current() {
        Current cached = current.get();
        if (cached != null) {
            return cached;
        }
        long readAt = generation.get();
        Current loaded = new Current(settings.get().snapshot(), authorizations.table());
        if (generation.get() == readAt) {
            current.compareAndSet(null, loaded);
        }
        return loaded;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) FederationConfigurationChanged change) {
        generation.incrementAndGet();
        Current before = current.getAndSet(null);
        // Nothing was sent at the old levels when the view was never read; otherwise local users' contacts saw
        // presence filtered at them, and a contact whose domain's level changed must see it at the new one.
        if (before != null) {
            replaced.fire(new AuthorizationTableReplaced(before.authorizations()));
        }
    }
}
