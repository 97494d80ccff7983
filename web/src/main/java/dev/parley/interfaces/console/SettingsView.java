package dev.parley.interfaces.console;

import dev.parley.application.FederationSettingsService;
import dev.parley.domain.model.settings.SettingsSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The console's settings page: the federation settings as they are now. */
@Named
@RequestScoped
public class SettingsView {

    @Inject
    FederationSettingsService settingsService;

    private SettingsSnapshot settings;

    @PostConstruct
    void load() {
        settings = settingsService.current();
    }

    public SettingsSnapshot getSettings() {
        return settings;
    }
}
