package dev.parley.domain.model.authorization;

import java.util.List;
import java.util.Optional;

/** Where the domain authorizations are kept. */
public interface DomainAuthorizationRepository {

    /** All of them, every protocol, in no particular order. */
    List<DomainAuthorization> all();

    Optional<DomainAuthorization> find(long id);

    /** The one authorization for {@code pattern} and {@code protocol}, if there is one. */
    Optional<DomainAuthorization> find(DomainPattern pattern, FederationProtocol protocol);

    /**
     * Stores a new authorization; it has its id when this returns.
     *
     * @throws AuthorizationConflictException when another transaction stored one for the same pattern and protocol
     *                                        first
     */
    void add(DomainAuthorization authorization) throws AuthorizationConflictException;

    /**
     * Stores new authorizations at once (one write for a whole imported file); they have their ids when this returns.
     *
     * @throws AuthorizationConflictException when one exists for the same pattern and protocol already
     */
    void addAll(List<DomainAuthorization> authorizations) throws AuthorizationConflictException;

    void remove(DomainAuthorization authorization);

    /**
     * Writes pending changes now, so that new versions are known and conflicts show within the caller.
     *
     * @throws AuthorizationConflictException when another transaction changed or removed the same authorization,
     *                                        or stored one for the same pattern and protocol, first
     */
    void flush() throws AuthorizationConflictException;
}
