package dev.parley.observability;

import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationStatus;
import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The adapter's control object with a status and sessions the test sets. What monitoring never calls behaves like an
 * idle engine: settings are kept, no session closes, nothing failed, no domain is tested.
 */
final class EngineStub implements FederationControl {

    FederationStatus status = new FederationStatus(FederationStatus.State.OFF, Optional.empty(), Set.of("parley.test"),
            Optional.empty(), Optional.empty());
    final List<SessionInfo> sessions = new ArrayList<>();

    @Override
    public FederationStatus status() {
        return status;
    }

    @Override
    public List<SessionInfo> sessions() {
        return List.copyOf(sessions);
    }

    FederationRuntimeSettings applied;

    @Override
    public void apply(FederationRuntimeSettings settings) {
        applied = settings;
    }

    @Override
    public boolean closeSession(String id) {
        return sessions.removeIf(session -> session.id().equals(id));
    }

    @Override
    public List<ConnectionFailure> recentFailures() {
        return List.of();
    }

    @Override
    public ProbeReport testFederation(String domain) {
        return new ProbeReport(domain, List.of(), "not tested: a stub engine contacts nobody");
    }
}
