package dev.parley.application.internal;

import dev.parley.domain.model.authorization.AuthorizationTable;

/**
 * The authorization table routing decided by until a change completed; the new one is read from the database once
 * the change is committed (not here: the completed transaction is still the thread's).
 */
record AuthorizationTableReplaced(AuthorizationTable before) {
}
