package dev.parley.domain.model.user;

import jakarta.ejb.ApplicationException;

/**
 * A change based on an outdated read, or a user created twice at the same moment: nothing of it was applied; read
 * again and retry.
 */
@ApplicationException(rollback = true)
public class UserConflictException extends Exception {

    public UserConflictException(String message) {
        super(message);
    }
}
