package dev.parley.infrastructure.persistence.jpa;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** Recognises a unique constraint that another transaction's row broke first. */
final class UniqueViolations {

    /** SQLSTATE 23505, unique violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static boolean causedBy(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
