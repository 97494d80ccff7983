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

/** The adapter's control object as monitoring reads it: a status and sessions the test sets; nothing else. */
final class EngineStub implements FederationControl {

    FederationStatus status = new FederationStatus(FederationStatus.State.OFF, Optional.empty(), Set.of("parley.test"),
            Optional.empty());
    final List<SessionInfo> sessions = new ArrayList<>();

    @Override
    public FederationStatus status() {
        return status;
    }

    @Override
    public List<SessionInfo> sessions() {
        return List.copyOf(sessions);
    }

    @Override
    public void apply(FederationRuntimeSettings settings) {
        throw new UnsupportedOperationException("monitoring only reads");
    }

    @Override
    public boolean closeSession(String id) {
        throw new UnsupportedOperationException("monitoring only reads");
    }

    @Override
    public List<ConnectionFailure> recentFailures() {
        throw new UnsupportedOperationException("monitoring reads the status and the sessions only");
    }

    @Override
    public ProbeReport testFederation(String domain) {
        throw new UnsupportedOperationException("monitoring only reads");
    }
}
