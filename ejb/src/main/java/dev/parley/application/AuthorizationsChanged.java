package dev.parley.application;

/**
 * The domain authorizations, or the global maximum level that caps them, have changed: whoever applies them (the
 * running engine) should fetch {@link DomainAuthorizationService#table()} again. Fired within the changing
 * transaction; observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to act on committed changes only.
 *
 * @param who the administrator who made the change
 */
public record AuthorizationsChanged(String who) {
}
