package dev.parley.application.internal;

import dev.parley.application.FederationConfigurationChanged;
import dev.parley.application.DomainAuthorizationService;
import dev.parley.application.FederationAudit;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationCsv;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.authorization.DomainAuthorization;
import dev.parley.domain.model.authorization.DomainAuthorizationRepository;
import dev.parley.domain.model.authorization.DomainPattern;
import dev.parley.domain.model.authorization.FederationProtocol;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import dev.parley.domain.model.settings.FederationSettingsRepository;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    public CsvImport previewCsv(String csv) throws InvalidAuthorizationException {
        return new CsvImport(plan(csv, new ArrayList<>()), false);
    }

    @Override
    public CsvImport importCsv(String csv, String who)
            throws InvalidAuthorizationException, AuthorizationConflictException {
        List<Planned> changes = new ArrayList<>();
        List<CsvImport.Line> lines = plan(csv, changes);
        List<String> invalid = new CsvImport(lines, false).invalidLines();
        if (!invalid.isEmpty()) {
            throw new InvalidAuthorizationException(invalid);
        }
        Instant now = Instant.now(clock);
        List<DomainAuthorization> added = new ArrayList<>();
        for (Planned planned : changes) {
            if (planned.existing() == null) {
                added.add(new DomainAuthorization(planned.change(), who, now));
            } else {
                planned.existing().apply(planned.change(), who, now);
            }
        }
        // One write for the whole file: ids and versions are assigned there, and the audit entries name them.
        repository.addAll(added);
        repository.flush();
        for (Planned planned : changes) {
            if (planned.existing() != null) {
                audited(planned.existing().snapshot(), who + " changed authorization " + planned.existing().id()
                        + " (CSV import) to ");
            }
        }
        added.forEach(authorization -> audited(authorization.snapshot(), who + " authorized (CSV import) "));
        if (!changes.isEmpty()) {
            changed.fire(new FederationConfigurationChanged(who));
        }
        return new CsvImport(lines, true);
    }

    /** What each entry of {@code csv} would do; the entries to add or change go to {@code changes}. */
    private List<CsvImport.Line> plan(String csv, List<Planned> changes) throws InvalidAuthorizationException {
        Map<String, DomainAuthorization> stored = new HashMap<>();
        for (DomainAuthorization authorization : repository.all()) {
            stored.put(key(authorization.pattern(), authorization.protocol()), authorization);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<CsvImport.Line> lines = new ArrayList<>();
        for (AuthorizationCsv.Row row : AuthorizationCsv.read(csv)) {
            AuthorizationChange change = row.change();
            List<String> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                problems.addAll(change.problems());
            }
            Optional<DomainPattern> pattern = validPattern(change);
            String shown = pattern.map(DomainPattern::text).orElse(change.pattern() == null ? "" : change.pattern());
            if (problems.isEmpty()) {
                String key = key(pattern.orElseThrow(), change.protocol());
                Integer earlier = seen.putIfAbsent(key, row.line());
                if (earlier != null) {
                    problems.add(shown + " (" + change.protocol() + ") is on line " + earlier + " already");
                }
            }
            if (!problems.isEmpty()) {
                lines.add(new CsvImport.Line(row.line(), shown, CsvImport.Action.INVALID,
                        String.join("; ", problems)));
                continue;
            }
            DomainAuthorization existing = stored.get(key(pattern.orElseThrow(), change.protocol()));
            if (existing == null) {
                lines.add(new CsvImport.Line(row.line(), shown, CsvImport.Action.ADD,
                        change.protocol() + " at " + change.level() + ", TLS " + tls(change.tlsPolicy())));
                changes.add(new Planned(change, null));
            } else {
                List<String> differences = differences(existing.snapshot(), change);
                if (differences.isEmpty()) {
                    lines.add(new CsvImport.Line(row.line(), shown, CsvImport.Action.UNCHANGED,
                            "as stored"));
                } else {
                    lines.add(new CsvImport.Line(row.line(), shown, CsvImport.Action.CHANGE,
                            String.join(", ", differences)));
                    changes.add(new Planned(change, existing));
                }
            }
        }
        return lines;
    }

    @Override
    public String exportCsv() {
        return AuthorizationCsv.write(list());
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

    /** An entry of an import to add ({@code existing} null) or to change. */
    private record Planned(AuthorizationChange change, DomainAuthorization existing) {
    }

    private static String key(DomainPattern pattern, FederationProtocol protocol) {
        return pattern.text() + " " + protocol;
    }

    private static String tls(TlsPolicy policy) {
        return policy == null ? "global" : policy.name();
    }

    /** What {@code change} would change of {@code stored}, as "level PUBLIC → BUSINESS" and the like. */
    private static List<String> differences(AuthorizationSnapshot stored, AuthorizationChange change) {
        List<String> differences = new ArrayList<>();
        if (stored.level() != change.level()) {
            differences.add("level " + stored.level() + " → " + change.level());
        }
        if (stored.tlsPolicy() != change.tlsPolicy()) {
            differences.add("TLS " + tls(stored.tlsPolicy()) + " → " + tls(change.tlsPolicy()));
        }
        if (!Objects.equals(stored.note(), change.note())) {
            differences.add("note " + (stored.note() == null ? "(none)" : "“" + stored.note() + "”") + " → "
                    + (change.note() == null ? "(none)" : "“" + change.note() + "”"));
        }
        return differences;
    }

    private static Optional<DomainPattern> validPattern(AuthorizationChange change) {
        try {
            return Optional.of(change.domainPattern());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
