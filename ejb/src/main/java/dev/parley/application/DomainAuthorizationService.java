package dev.parley.application;

import dev.parley.domain.model.authorization.AuthorizationChange;
import dev.parley.domain.model.authorization.AuthorizationConflictException;
import dev.parley.domain.model.authorization.AuthorizationCsv;
import dev.parley.domain.model.csv.CsvImport;
import dev.parley.domain.model.authorization.AuthorizationNotFoundException;
import dev.parley.domain.model.authorization.AuthorizationSnapshot;
import dev.parley.domain.model.authorization.AuthorizationTable;
import dev.parley.domain.model.authorization.InvalidAuthorizationException;
import java.util.List;

/**
 * Reading and changing the domain authorizations, and the table the federation decides by. Every successful change
 * fires {@link FederationConfigurationChanged}.
 */
public interface DomainAuthorizationService {

    /** All authorizations, every protocol, by domain (each domain's exact pattern before its wildcard). */
    List<AuthorizationSnapshot> list();

    AuthorizationSnapshot get(long id) throws AuthorizationNotFoundException;

    /**
     * Adds an authorization, or changes nothing and says why.
     *
     * @param who the administrator making the change, recorded with it
     * @throws InvalidAuthorizationException with every problem, among them that one exists for the pattern and
     *                                       protocol already
     * @throws AuthorizationConflictException when another administrator added the same one at the same moment
     */
    AuthorizationSnapshot create(AuthorizationChange change, String who)
            throws InvalidAuthorizationException, AuthorizationConflictException;

    /**
     * Replaces an authorization as a whole, or changes nothing and says why.
     *
     * @param expectedVersion the version the change is based on
     * @param who             the administrator making the change, recorded with it
     * @throws AuthorizationConflictException when the authorization is no longer at {@code expectedVersion}
     */
    AuthorizationSnapshot update(long id, long expectedVersion, AuthorizationChange change, String who)
            throws AuthorizationNotFoundException, InvalidAuthorizationException, AuthorizationConflictException;

    /**
     * @param who the administrator making the change
     */
    void delete(long id, String who) throws AuthorizationNotFoundException, AuthorizationConflictException;

    /**
     * Reads a CSV file of authorizations ({@link AuthorizationCsv}) and says what importing it would add and change,
     * changing nothing (a dry run).
     *
     * @throws InvalidAuthorizationException when the text is no such file (too large, no header …)
     */
    CsvImport previewCsv(String csv) throws InvalidAuthorizationException;

    /**
     * Imports a CSV file of authorizations: adds and changes what {@link #previewCsv} shows, all or nothing.
     * Authorizations the file does not mention are kept.
     *
     * @param who the administrator making the change, recorded with each added or changed entry
     * @throws InvalidAuthorizationException when the text is no such file, or any entry is invalid (each named by its
     *                                       line); nothing was changed
     * @throws AuthorizationConflictException when another administrator added one of the file's entries meanwhile;
     *                                        nothing was changed
     */
    CsvImport importCsv(String csv, String who)
            throws InvalidAuthorizationException, AuthorizationConflictException;

    /** All authorizations as a CSV file that {@link #importCsv} reads back. */
    String exportCsv();

    /** The XMPP authorizations as they apply now, under the global maximum level of the federation settings. */
    AuthorizationTable table();
}
