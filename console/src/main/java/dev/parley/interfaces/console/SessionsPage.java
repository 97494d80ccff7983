package dev.parley.interfaces.console;

import dev.parley.application.FederationOverview;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.FederationStatusService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live federation page: the open S2S sessions and the latest failures, as the engine has them when the page is
 * made (the page's script fetches it anew every few seconds).
 */
@Named
@RequestScoped
public class SessionsPage {

    @Inject
    FederationStatusService status;

    @Inject
    FederationSettingsService settings;

    private FederationOverview overview;

    @PostConstruct
    void load() {
        overview = status.overview();
    }

    public FederationOverview getOverview() {
        return overview;
    }

    public String getEngineStatus() {
        return EngineStatusText.describe(overview, settings.current());
    }

    public List<FederationOverview.Failure> getFailuresNewestFirst() {
        List<FederationOverview.Failure> failures = new ArrayList<>(overview.recentFailures());
        Collections.reverse(failures);
        return failures;
    }

    /** Domains in one line, as a cell shows them. */
    public String join(List<String> domains) {
        return String.join(", ", domains);
    }
}
