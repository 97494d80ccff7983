package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
import dev.parley.application.LocalUserLeft;
import dev.parley.application.LocalUserService;
import dev.parley.application.OperatorAccounts;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.LocalUser;
import dev.parley.domain.model.user.LocalUserRepository;
import dev.parley.domain.model.user.PasswordHasher;
import dev.parley.domain.model.user.UserChange;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.user.UserCsv;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Keeps the local users, their password hashes, and an audit entry for every change. */
@Stateless
public class DefaultLocalUserService implements LocalUserService {

    /**
     * The most passwords one import sets: each is hashed (about 0.1 s) inside the import's one transaction, which must
     * end well within the server's transaction timeout (300 s).
     */
    static final int MAX_PASSWORDS_PER_IMPORT = 1_000;

    static final String VERSION_CONFLICT = "user %s was changed by someone else since version %d was read (now %d);"
            + " read it again and retry";

    @Inject
    LocalUserRepository repository;

    @Inject
    PasswordHasher hasher;

    @Inject
    OperatorAccounts operators;

    @Inject
    FederationAudit audit;

    @Inject
    Event<LocalUserLeft> left;

    Clock clock = Clock.systemUTC();

    @Override
    public List<UserSnapshot> list() {
        return repository.all().stream().map(LocalUser::snapshot).toList();
    }

    @Override
    public UserSnapshot get(UserName name) throws UserNotFoundException {
        return existing(name).snapshot();
    }

    @Override
    public UserSnapshot create(UserChange change, String who) throws InvalidUserException, UserConflictException {
        List<String> problems = new ArrayList<>(change.problems(true));
        if (problems.isEmpty()) {
            UserName name = change.name();
            if (repository.find(name).isPresent()) {
                problems.add("a user named " + name + " exists already");
            } else {
                reservedProblem(name).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidUserException(problems);
        }
        Instant now = Instant.now(clock);
        LocalUser user = new LocalUser(change, hasher.hash(change.password()), who, now);
        repository.add(user);
        audit.record(AuditRecord.userChanged(now, who + " created user " + user.name()
                + (change.enabled() ? "" : " (disabled)")));
        return user.snapshot();
    }

    @Override
    public UserSnapshot update(UserName name, long expectedVersion, UserChange change, String who)
            throws UserNotFoundException, InvalidUserException, UserConflictException {
        LocalUser user = existing(name);
        List<String> problems = new ArrayList<>(change.problems(false));
        if (problems.isEmpty() && !change.name().equals(name)) {
            problems.add("userName cannot change (" + name + " to " + change.name()
                    + "): remote contacts know the user by it; create a new user instead");
        }
        if (!problems.isEmpty()) {
            throw new InvalidUserException(problems);
        }
        if (user.version() != expectedVersion) {
            throw new UserConflictException(String.format(VERSION_CONFLICT, name, expectedVersion, user.version()));
        }
        Instant now = Instant.now(clock);
        boolean wasEnabled = user.enabled();
        user.apply(change, who, now);
        if (change.password() != null) {
            user.changePassword(hasher.hash(change.password()), who, now);
        }
        repository.flush();
        if (wasEnabled && !change.enabled()) {
            left.fire(new LocalUserLeft(name, false));
        }
        audit.record(AuditRecord.userChanged(now, who + " changed user " + name + describe(wasEnabled, change)));
        return user.snapshot();
    }

    @Override
    public void delete(UserName name, String who) throws UserNotFoundException {
        LocalUser user = existing(name);
        left.fire(new LocalUserLeft(name, true));
        repository.remove(user);
        audit.record(AuditRecord.userChanged(Instant.now(clock), who + " removed user " + name));
    }

    @Override
    public String exportCsv() {
        return UserCsv.write(list());
    }

    @Override
    public CsvImport previewCsv(String csv) throws InvalidUserException {
        return new CsvImport(plan(csv, new ArrayList<>()), false);
    }

    @Override
    public CsvImport importCsv(String csv, String who) throws InvalidUserException, UserConflictException {
        List<Planned> changes = new ArrayList<>();
        List<CsvImport.Line> lines = plan(csv, changes);
        List<String> invalid = new CsvImport(lines, false).invalidLines();
        if (!invalid.isEmpty()) {
            throw new InvalidUserException(invalid);
        }
        Instant now = Instant.now(clock);
        for (Planned planned : changes) {
            UserChange change = planned.change();
            if (planned.existing() == null) {
                LocalUser user = new LocalUser(change, hasher.hash(change.password()), who, now);
                repository.add(user);
                audit.record(AuditRecord.userChanged(now, who + " created user " + user.name() + " (CSV import)"));
            } else {
                boolean wasEnabled = planned.existing().enabled();
                planned.existing().apply(change, who, now);
                if (change.password() != null) {
                    planned.existing().changePassword(hasher.hash(change.password()), who, now);
                }
                if (wasEnabled && !change.enabled()) {
                    left.fire(new LocalUserLeft(change.name(), false));
                }
                audit.record(AuditRecord.userChanged(now, who + " changed user " + change.name() + " (CSV import)"
                        + describe(wasEnabled, change)));
            }
        }
        repository.flush();
        return new CsvImport(lines, true);
    }

    /** A user of the file to add ({@code existing} null) or change, the stored photo kept. */
    private record Planned(LocalUser existing, UserChange change) {
    }

    /** What each user of {@code csv} would do; those to add or change go to {@code changes}. */
    private List<CsvImport.Line> plan(String csv, List<Planned> changes) throws InvalidUserException {
        List<CsvImport.Line> lines = new ArrayList<>();
        Map<UserName, Integer> seen = new HashMap<>();
        List<UserCsv.Row> rows = UserCsv.read(csv);
        long passwords = rows.stream().filter(row -> row.change().password() != null).count();
        if (passwords > MAX_PASSWORDS_PER_IMPORT) {
            throw new InvalidUserException(List.of("the file sets " + passwords + " passwords; at most "
                    + MAX_PASSWORDS_PER_IMPORT + " are set in one import (each is hashed slowly, on purpose):"
                    + " import the file in parts"));
        }
        for (UserCsv.Row row : rows) {
            String named = row.change().userName() == null ? "" : row.change().userName();
            Optional<LocalUser> existing = row.problems().isEmpty() && UserName.problem(named).isEmpty()
                    ? repository.find(UserName.of(named)) : Optional.empty();
            UserChange change = existing.map(user -> withPhoto(row.change(), user.card())).orElse(row.change());
            List<String> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                problems.addAll(change.problems(existing.isEmpty()));
            }
            if (problems.isEmpty()) {
                Integer earlier = seen.putIfAbsent(change.name(), row.line());
                if (earlier != null) {
                    problems.add(change.name() + " is on line " + earlier + " already");
                }
                if (existing.isEmpty()) {
                    reservedProblem(change.name()).ifPresent(problems::add);
                }
            }
            if (!problems.isEmpty()) {
                lines.add(new CsvImport.Line(row.line(), named, CsvImport.Action.INVALID, String.join("; ", problems)));
            } else if (existing.isEmpty()) {
                changes.add(new Planned(null, change));
                lines.add(new CsvImport.Line(row.line(), named, CsvImport.Action.ADD, change.card().displayName()
                        + (change.enabled() ? "" : ", disabled")));
            } else {
                List<String> changed = changedFields(existing.get(), change);
                if (changed.isEmpty()) {
                    lines.add(new CsvImport.Line(row.line(), named, CsvImport.Action.UNCHANGED, ""));
                } else {
                    changes.add(new Planned(existing.get(), change));
                    lines.add(new CsvImport.Line(row.line(), named, CsvImport.Action.CHANGE, String.join(", ", changed)));
                }
            }
        }
        return lines;
    }

    private static UserChange withPhoto(UserChange change, ContactCard stored) {
        ContactCard card = change.card();
        return new UserChange(change.userName(), new ContactCard(card.displayName(), card.title(), card.company(),
                card.department(), card.businessPhones(), card.email(), card.mobile(), card.privatePhone(),
                stored.photo()), change.password(), change.enabled());
    }

    /** The fields {@code change} changes of {@code user}, by their API names. */
    private static List<String> changedFields(LocalUser user, UserChange change) {
        ContactCard before = user.card();
        ContactCard after = change.card();
        List<String> changed = new ArrayList<>();
        compare(changed, "displayName", before.displayName(), after.displayName());
        compare(changed, "title", before.title(), after.title());
        compare(changed, "company", before.company(), after.company());
        compare(changed, "department", before.department(), after.department());
        compare(changed, "businessPhones", before.businessPhones(), after.businessPhones());
        compare(changed, "email", before.email(), after.email());
        compare(changed, "mobile", before.mobile(), after.mobile());
        compare(changed, "privatePhone", before.privatePhone(), after.privatePhone());
        compare(changed, "enabled", user.enabled(), change.enabled());
        if (change.password() != null) {
            changed.add("password");
        }
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private Optional<String> reservedProblem(UserName name) {
        return operators.has(name) ? Optional.of(name + " is the name of an administrator or integration account;"
                + " choose another") : Optional.empty();
    }

    @Override
    public Optional<ContactCard> reachable(String localpart) {
        if (UserName.problem(localpart).isPresent()) {
            return Optional.empty();
        }
        return repository.find(UserName.of(localpart)).filter(LocalUser::enabled).map(LocalUser::card);
    }

    private static String describe(boolean wasEnabled, UserChange change) {
        StringBuilder what = new StringBuilder();
        if (wasEnabled != change.enabled()) {
            what.append(change.enabled() ? ", enabled" : ", disabled");
        }
        if (change.password() != null) {
            what.append(", new password");
        }
        return what.toString();
    }

    private LocalUser existing(UserName name) throws UserNotFoundException {
        return repository.find(name).orElseThrow(() -> new UserNotFoundException(name));
    }
}
