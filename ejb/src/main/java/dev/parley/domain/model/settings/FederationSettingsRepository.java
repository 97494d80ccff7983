package dev.parley.domain.model.settings;

/** Where the one row of federation settings lives. */
public interface FederationSettingsRepository {

    /** The settings; the schema migration creates them with their defaults, so they always exist. */
    FederationSettings get();
}
