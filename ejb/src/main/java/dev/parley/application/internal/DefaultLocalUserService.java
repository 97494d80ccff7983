package dev.parley.application.internal;

import dev.parley.application.FederationAudit;
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
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the local users, their password hashes, and an audit entry for every change. */
@Stateless
public class DefaultLocalUserService implements LocalUserService {

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
            } else if (operators.has(name)) {
                problems.add(name + " is the name of an administrator or integration account; choose another");
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
        audit.record(AuditRecord.userChanged(now, who + " changed user " + name + describe(wasEnabled, change)));
        return user.snapshot();
    }

    @Override
    public void delete(UserName name, String who) throws UserNotFoundException {
        LocalUser user = existing(name);
        repository.remove(user);
        audit.record(AuditRecord.userChanged(Instant.now(clock), who + " removed user " + name));
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
