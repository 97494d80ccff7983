package dev.parley.application;

import dev.parley.domain.model.settings.InvalidSettingsException;

/** Keeps the running S2S engine in step with the stored settings and domain authorizations. */
public interface FederationRuntime {

    /**
     * Applies the settings and authorizations as the caller's transaction sees them.
     *
     * @throws InvalidSettingsException when the engine cannot run so (its listener cannot bind,
     *                                  say); the problem is worded for an administrator
     */
    void apply() throws InvalidSettingsException;
}
