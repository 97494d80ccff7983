package dev.parley.application;

import dev.parley.domain.model.user.ContactCard;
import dev.parley.domain.model.user.InvalidUserException;
import dev.parley.domain.model.user.UserChange;
import dev.parley.domain.model.user.UserConflictException;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import java.util.List;
import java.util.Optional;

/** The local users: kept by administrators, looked up by the UC messaging module. Every change is audited. */
public interface LocalUserService {

    /** All users, by name. */
    List<UserSnapshot> list();

    UserSnapshot get(UserName name) throws UserNotFoundException;

    /**
     * Adds a user, or changes nothing and says why.
     *
     * @param who the administrator, recorded with the change
     * @throws InvalidUserException with every problem, among them that the name is taken
     * @throws UserConflictException when the same name was created at the same moment
     */
    UserSnapshot create(UserChange change, String who) throws InvalidUserException, UserConflictException;

    /**
     * Replaces a user's card and enabled flag, and their password where the change has one.
     *
     * @param expectedVersion the version the change is based on
     * @throws InvalidUserException with every problem, among them a change of the name
     * @throws UserConflictException when the user is no longer at {@code expectedVersion}
     */
    UserSnapshot update(UserName name, long expectedVersion, UserChange change, String who)
            throws UserNotFoundException, InvalidUserException, UserConflictException;

    void delete(UserName name, String who) throws UserNotFoundException;

    /** All users as a CSV file ({@link dev.parley.domain.model.user.UserCsv}), passwords never in it. */
    String exportCsv();

    /**
     * What importing {@code csv} would do, user by user, changing nothing.
     *
     * @throws InvalidUserException when the text is no users' CSV file at all
     */
    CsvImport previewCsv(String csv) throws InvalidUserException;

    /**
     * Imports {@code csv}: all of it, each addition and change audited, or, with any invalid line, nothing.
     *
     * @throws InvalidUserException naming every invalid line
     * @throws UserConflictException when someone else changed a user of the file meanwhile
     */
    CsvImport importCsv(String csv, String who) throws InvalidUserException, UserConflictException;

    /**
     * The card of the user a remote entity addresses as {@code localpart}, when that is an enabled user: a disabled
     * or unknown one is not there for remote servers.
     */
    Optional<ContactCard> reachable(String localpart);
}
