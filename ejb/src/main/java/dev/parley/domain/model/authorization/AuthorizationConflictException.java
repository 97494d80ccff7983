package dev.parley.domain.model.authorization;

import jakarta.ejb.ApplicationException;

/**
 * A change based on an outdated read: someone else changed the authorization (or created the same one) first.
 * Nothing of it was applied; read again and retry.
 */
@ApplicationException(rollback = true)
public class AuthorizationConflictException extends Exception {

    public AuthorizationConflictException(String message) {
        super(message);
    }
}
