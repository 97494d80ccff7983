package dev.parley.application.internal;

import dev.parley.application.FederationConfigurationChanged;
import dev.parley.application.DomainAuthorizationService;
import dev.parley.application.FederationAudit;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.authorization.DomainAuthorization;
import dev.parley.domain.model.authorization.DomainAuthorizationRepository;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Keeps the domain authorizations, audits every change, and announces it so that the engine follows. */
@Stateless
public class DefaultDomainAuthorizationService implements DomainAuthorizationService {

    private static final Comparator<AuthorizationSnapshot> LIST_ORDER = Comparator
            .comparing(AuthorizationSnapshot::pattern, DomainPattern.DISPLAY_ORDER)
            .thenComparing(AuthorizationSnapshot::protocol);

    @Inject
    DomainAuthorizationRepository repository;

    @Inject
    FederationSettingsRepository settings;

    @Inject
    Event<FederationConfigurationChanged> changed;

    @Inject
    FederationAudit audit;

    Clock clock = Clock.systemUTC();

    @Override
    public List<AuthorizationSnapshot> list() {
        return repository.all().stream().map(DomainAuthorization::snapshot).sorted(LIST_ORDER).toList();
    }

    @Override
    public AuthorizationSnapshot get(long id) throws AuthorizationNotFoundException {
        return existing(id).snapshot();
    }

    @Override
    public AuthorizationSnapshot create(AuthorizationChange change, String who)
            throws InvalidAuthorizationException, AuthorizationConflictException {
        validate(change, Optional.empty());
        DomainAuthorization authorization = new DomainAuthorization(change, who, Instant.now(clock));
        repository.add(authorization);
        repository.flush();
        audited(authorization.snapshot(), who + " authorized ");
        changed.fire(new FederationConfigurationChanged(who));
        return authorization.snapshot();
    }

    @Override
    public AuthorizationSnapshot update(long id, long expectedVersion, AuthorizationChange change, String who)
            throws AuthorizationNotFoundException, InvalidAuthorizationException, AuthorizationConflictException {
        DomainAuthorization authorization = existing(id);
        if (authorization.version() != expectedVersion) {
            throw new AuthorizationConflictException("domain authorization " + id + " is at version "
                    + authorization.version() + ", not " + expectedVersion
                    + ": someone changed it since it was read; read it again and retry");
        }
        validate(change, Optional.of(id));
        authorization.apply(change, who, Instant.now(clock));
        // The snapshot carries the new version number, which JPA assigns at flush.
        repository.flush();
        audited(authorization.snapshot(), who + " changed authorization " + id + " to ");
        changed.fire(new FederationConfigurationChanged(who));
        return authorization.snapshot();
    }

    @Override
    public void delete(long id, String who) throws AuthorizationNotFoundException, AuthorizationConflictException {
        DomainAuthorization authorization = existing(id);
        audited(authorization.snapshot(), who + " removed authorization " + id + ": ");
        repository.remove(authorization);
        repository.flush();
        changed.fire(new FederationConfigurationChanged(who));
    }

    @Override
    public AuthorizationTable table() {
        return AuthorizationTable.of(repository.all().stream().map(DomainAuthorization::entry).toList(),
                settings.get().snapshot().maxLevel());
    }

    /** Records the change in the audit trail, in this transaction: a change that rolls back leaves no entry. */
    private void audited(AuthorizationSnapshot authorization, String what) {
        audit.record(AuditRecord.authorizationChanged(Instant.now(clock), authorization.pattern().text(),
                what + authorization.summary()));
    }

    private DomainAuthorization existing(long id) throws AuthorizationNotFoundException {
        return repository.find(id).orElseThrow(() -> new AuthorizationNotFoundException(id));
    }

    /** Throws with every problem of {@code change}, including a pattern and protocol another entry has already. */
    private void validate(AuthorizationChange change, Optional<Long> changing) throws InvalidAuthorizationException {
        List<String> problems = new ArrayList<>(change.problems());
        Optional<DomainPattern> pattern = validPattern(change);
        if (pattern.isPresent() && change.protocol() != null) {
            repository.find(pattern.get(), change.protocol())
                    .filter(other -> changing.isEmpty() || !changing.get().equals(other.id()))
                    .ifPresent(other -> problems.add("an authorization for " + pattern.get() + " ("
                            + change.protocol() + ") already exists"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuthorizationException(problems);
        }
    }

    private static Optional<DomainPattern> validPattern(AuthorizationChange change) {
        try {
            return Optional.of(change.domainPattern());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
