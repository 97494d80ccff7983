package dev.parley.infrastructure.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.FederationOverview;
import dev.parley.application.RecordingFederationAudit;
import dev.parley.application.SessionNotFoundException;
import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationStatus;
import dev.parley.domain.model.audit.AuditDirection;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.CertificateSummary;
import dev.parley.xmpp.tls.TlsDetails;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's sessions as the administrator sees them, and closing one of them with an audit entry. */
class ConnectorFederationStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.7", 5269);
    private static final TlsDetails TLS = new TlsDetails("TLSv1.3", "TLS_AES_128_GCM_SHA256",
            Optional.of(new CertificateSummary("CN=partner.example", "CN=Example CA,O=Example",
                    List.of("DNS:partner.example"), Instant.parse("2027-01-31T00:00:00Z"))), "trusted");
    private static final SessionInfo OUTBOUND = new SessionInfo("7-5f0c9a3e1b2d", SessionDirection.OUTBOUND,
            Set.of("corp.example"), Set.of("partner.example"), Optional.of(PEER), AuthMethod.DIALBACK,
            SessionState.AUTHENTICATED, 0, 12, NOW.minusSeconds(60), Optional.of(TLS));
    private static final SessionInfo NEGOTIATING = new SessionInfo("8-0123456789ab", SessionDirection.INBOUND,
            Set.of(), Set.of(), Optional.of(PEER), AuthMethod.DIALBACK, SessionState.NEGOTIATING, 0, 0, NOW,
            Optional.empty());

    private final RunningEngine engine = new RunningEngine();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final ConnectorFederationStatus status = new ConnectorFederationStatus();

    ConnectorFederationStatusTest() {
        status.control = engine;
        status.audit = new RecordingFederationAudit(audited);
        status.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void showsEachSessionWithItsIdAndThePeerCertificateInOneLine() {
        engine.open.addAll(List.of(OUTBOUND, NEGOTIATING));

        List<FederationOverview.Session> sessions = status.overview().sessions();

        assertThat(sessions).extracting(FederationOverview.Session::id).containsExactly("7-5f0c9a3e1b2d", "8-0123456789ab");
        assertThat(sessions.get(0).tls()).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
        assertThat(sessions.get(0).peerCertificate()).isEqualTo("subject CN=partner.example; issuer CN=Example CA,O=Example;"
                + " valid until 2027-01-31T00:00:00Z; trusted");
        assertThat(sessions.get(1).tls()).isNull();
        assertThat(sessions.get(1).peerCertificate()).isNull();
    }

    @Test
    void closesASessionAndAuditsWhoClosedWhich() throws Exception {
        engine.open.add(OUTBOUND);

        status.closeSession("7-5f0c9a3e1b2d", "alice");

        assertThat(engine.closed).containsExactly("7-5f0c9a3e1b2d");
        assertThat(audited).singleElement().isEqualTo(new AuditRecord(NOW, AuditKind.SESSION_CLOSED_BY_ADMIN,
                AuditDirection.OUTBOUND, "corp.example", "partner.example", "192.0.2.7:5269", "DIALBACK",
                "TLSv1.3 TLS_AES_128_GCM_SHA256", "alice closed the S2S session 7-5f0c9a3e1b2d"));
    }

    @Test
    void auditsASessionStillNegotiatingWithWhatIsKnownOfIt() throws Exception {
        engine.open.add(NEGOTIATING);

        status.closeSession("8-0123456789ab", "alice");

        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.direction()).isEqualTo(AuditDirection.INBOUND);
            assertThat(record.localDomain()).isNull();
            assertThat(record.remoteDomain()).isNull();
            assertThat(record.remoteAddress()).isEqualTo("192.0.2.7:5269");
            assertThat(record.authMethod()).as("not authenticated").isNull();
        });
    }

    @Test
    void anUnknownSessionIsNotFoundAndNothingIsClosedOrAudited() {
        engine.open.add(OUTBOUND);

        assertThatThrownBy(() -> status.closeSession("9-ffffffffffff", "alice"))
                .isInstanceOfSatisfying(SessionNotFoundException.class,
                        e -> assertThat(e.id()).isEqualTo("9-ffffffffffff"));
        assertThat(engine.closed).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aSessionThatEndsBeforeItIsClosedIsNotFoundAndNotAudited() {
        engine.open.add(OUTBOUND);
        engine.endsBeforeClose = true;

        assertThatThrownBy(() -> status.closeSession("7-5f0c9a3e1b2d", "alice"))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(audited).isEmpty();
    }

    /** The adapter's control object over a running engine with the sessions a test opens. */
    private static final class RunningEngine implements FederationControl {

        final List<SessionInfo> open = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        /** The session ends by itself between the lookup and the close. */
        boolean endsBeforeClose;

        @Override
        public void apply(FederationRuntimeSettings settings) {
            // settings are not this test's business
        }

        @Override
        public FederationStatus status() {
            return new FederationStatus(FederationStatus.State.RUNNING, Optional.of(new InetSocketAddress(5269)),
                    Set.of("corp.example"), Optional.empty(), Optional.empty());
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.copyOf(open);
        }

        @Override
        public boolean closeSession(String id) {
            if (endsBeforeClose || open.stream().noneMatch(session -> session.id().equals(id))) {
                return false;
            }
            closed.add(id);
            open.removeIf(session -> session.id().equals(id));
            return true;
        }

        @Override
        public List<ConnectionFailure> recentFailures() {
            return List.of();
        }

        @Override
        public ProbeReport testFederation(String domain) {
            return new ProbeReport(domain, List.of(), "tested " + domain);
        }
    }
}
