package dev.parley.interfaces.console;

import dev.parley.application.FederationOverview;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.FederationStatusService;
import dev.parley.application.SessionNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The live federation page: the open S2S sessions and the latest failures, as the engine has them when the page is
 * made (the page's script fetches it anew every few seconds). The overview is kept with the view, so that a Close
 * button closes the session its row showed, even when others opened or ended meanwhile.
 */
@Named
@ViewScoped
public class SessionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FederationStatusService status;

    @Inject
    FederationSettingsService settings;

    @Inject
    Administrator administrator;

    private FederationOverview overview;

    @PostConstruct
    void load() {
        overview = status.overview();
    }

    /** Closes the session of the row (audited with the administrator's name), or says it had ended already. */
    public String close(FederationOverview.Session session) {
        String peers = join(session.remoteDomains());
        String direction = session.direction().toLowerCase(Locale.ROOT);
        try {
            status.closeSession(session.id(), administrator.getName());
            Messages.done("Closed the " + direction + " session with " + peers + ".");
        } catch (SessionNotFoundException e) {
            Messages.done("The " + direction + " session with " + peers + " had ended already.");
        }
        return "/sessions.xhtml?faces-redirect=true";
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
