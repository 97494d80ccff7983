package dev.parley.application;

import dev.parley.domain.model.settings.InvalidSettingsException;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsSnapshot;

/** Reading and changing the federation settings. */
public interface FederationSettingsService {

    SettingsSnapshot current();

    /**
     * Replaces the settings as a whole, or changes nothing and says why.
     *
     * @param who the administrator making the change, recorded with it
     */
    SettingsSnapshot update(SettingsChange change, String who) throws InvalidSettingsException;
}
