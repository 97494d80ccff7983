package dev.parley.infrastructure.federation;

import dev.parley.application.FederationAudit;
import dev.parley.application.FederationOverview;
import dev.parley.application.FederationStatusService;
import dev.parley.application.SessionNotFoundException;
import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationStatus;
import dev.parley.domain.model.audit.AuditKind;
import dev.parley.domain.model.audit.AuditRecord;
import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.TlsDetails;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the engine's state from the adapter's control object, and closes a session there for an administrator. */
@ApplicationScoped
public class ConnectorFederationStatus implements FederationStatusService {

    @Resource(lookup = FederationControl.JNDI_NAME)
    FederationControl control;

    @Inject
    FederationAudit audit;

    Clock clock = Clock.systemUTC();

    @Override
    public FederationOverview overview() {
        FederationStatus status = control.status();
        return new FederationOverview(status.state().name(), status.listening().map(ConnectorFederationStatus::text).orElse(null),
                status.localDomains().stream().sorted().toList(), status.problem().orElse(null),
                control.sessions().stream().map(ConnectorFederationStatus::session).toList(),
                control.recentFailures().stream().map(ConnectorFederationStatus::failure).toList(),
                status.proxyLink().map(link -> new FederationOverview.ProxyLink(link.endpoint(), link.state().up(),
                        link.state().since(), link.state().problem().orElse(null),
                        link.state().nextAttempt().orElse(null), link.waiting())).orElse(null));
    }

    /**
     * Audited once the engine has closed the session, so that the trail never shows a close that did not happen (the
     * session may end by itself between the lookup and the close).
     */
    @Override
    public void closeSession(String id, String who) throws SessionNotFoundException {
        SessionInfo session = control.sessions().stream().filter(open -> open.id().equals(id)).findFirst()
                .orElseThrow(() -> new SessionNotFoundException(id));
        if (!control.closeSession(id)) {
            throw new SessionNotFoundException(id);
        }
        Instant now = Instant.now(clock);
        for (String local : domainsOrNone(session.localDomains())) {
            for (String remote : domainsOrNone(session.peerDomains())) {
                audit.record(new AuditRecord(now, AuditKind.SESSION_CLOSED_BY_ADMIN,
                        AuditRecords.directionOf(session.direction()), local, remote,
                        session.remoteAddress().map(ConnectorFederationStatus::text).orElse(null),
                        session.state() == SessionState.AUTHENTICATED ? session.authMethod().name() : null,
                        session.tls().map(ConnectorFederationStatus::encryption).orElse(null),
                        who + " closed the S2S session " + id));
            }
        }
    }

    @Override
    public ProbeReport testFederation(String domain) {
        return control.testFederation(domain);
    }

    private static FederationOverview.Session session(SessionInfo info) {
        return new FederationOverview.Session(info.id(), info.direction().name(), sorted(info.localDomains()),
                sorted(info.peerDomains()), info.remoteAddress().map(ConnectorFederationStatus::text).orElse(null),
                info.authMethod().name(), info.state().name(), info.stanzasIn(), info.stanzasOut(), info.openedAt(),
                info.tls().map(ConnectorFederationStatus::encryption).orElse(null),
                info.tls().flatMap(ConnectorFederationStatus::peerCertificate).orElse(null));
    }

    private static String encryption(TlsDetails tls) {
        return tls.protocol() + " " + tls.cipherSuite();
    }

    /** The peer's certificate in one line, e.g. "subject CN=x; issuer CN=CA; valid until 2027-01-31T00:00:00Z; trusted". */
    private static Optional<String> peerCertificate(TlsDetails tls) {
        return tls.peerCertificate().map(certificate -> "subject " + certificate.subject() + "; issuer "
                + certificate.issuer() + "; valid until " + certificate.notAfter() + "; " + tls.certificateNote());
    }

    private static FederationOverview.Failure failure(ConnectionFailure failure) {
        return new FederationOverview.Failure(Jid.onTheWire(failure.domain()), failure.when(), failure.reason());
    }

    /** The domains as administrators read them: an internationalized one in U-labels ({@code bücher.test}). */
    private static List<String> sorted(Set<String> domains) {
        return domains.stream().map(Jid::onTheWire).sorted().toList();
    }

    /**
     * The domains in order, or a single null when there are none yet (a stream still negotiating), so that every
     * closed session gets an entry; one per domain pair otherwise, as the engine reports streams.
     */
    private static List<String> domainsOrNone(Set<String> domains) {
        return domains.isEmpty() ? Collections.singletonList(null) : sorted(domains);
    }

    private static String text(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
