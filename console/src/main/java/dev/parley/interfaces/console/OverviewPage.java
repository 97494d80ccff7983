package dev.parley.interfaces.console;

import dev.parley.application.FederationOverview;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.FederationStatusService;
import dev.parley.domain.model.settings.SettingsSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The console's home page: whether federation runs, how much of it, and what to do next. */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    FederationStatusService status;

    @Inject
    FederationSettingsService settings;

    private FederationOverview overview;
    private SettingsSnapshot stored;

    @PostConstruct
    void load() {
        overview = status.overview();
        stored = settings.current();
    }

    public String getEngineStatus() {
        return EngineStatusText.describe(overview, stored);
    }

    public boolean isEngineFailed() {
        return "FAILED".equals(overview.state());
    }

    public SettingsSnapshot getSettings() {
        return stored;
    }

    public long getInboundSessions() {
        return overview.sessions().stream().filter(s -> "INBOUND".equals(s.direction())).count();
    }

    public long getOutboundSessions() {
        return overview.sessions().stream().filter(s -> "OUTBOUND".equals(s.direction())).count();
    }

    public long getStanzasIn() {
        return overview.sessions().stream().mapToLong(FederationOverview.Session::stanzasIn).sum();
    }

    public long getStanzasOut() {
        return overview.sessions().stream().mapToLong(FederationOverview.Session::stanzasOut).sum();
    }

    public int getRecentFailures() {
        return overview.recentFailures().size();
    }
}
