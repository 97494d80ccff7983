package dev.parley.application;

/**
 * The federation settings, the domain authorizations, the S2S certificate or the trusted CAs are
 * being changed. Fired within the changing transaction; whoever keeps the engine in step observes it with
 * {@code during = TransactionPhase.AFTER_COMPLETION} and applies what is committed then, whether
 * the change committed or rolled back, so that the engine ends up as the database says even when
 * two changes overlap.
 *
 * @param who the administrator who made the change
 */
public record FederationConfigurationChanged(String who) {
}
