package dev.parley.infrastructure.federation;

import dev.parley.application.FederationOverview;
import dev.parley.application.FederationStatusService;
import dev.parley.connector.api.FederationControl;
import dev.parley.connector.api.FederationStatus;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/** Reads the engine's state from the adapter's control object. */
@ApplicationScoped
public class ConnectorFederationStatus implements FederationStatusService {

    @Resource(lookup = FederationControl.JNDI_NAME)
    FederationControl control;

    @Override
    public FederationOverview overview() {
        FederationStatus status = control.status();
        return new FederationOverview(status.state().name(), status.listening().map(ConnectorFederationStatus::text).orElse(null),
                status.localDomains().stream().sorted().toList(), status.problem().orElse(null),
                control.sessions().stream().map(ConnectorFederationStatus::session).toList(),
                control.recentFailures().stream().map(ConnectorFederationStatus::failure).toList());
    }

    private static FederationOverview.Session session(SessionInfo info) {
        return new FederationOverview.Session(info.direction().name(), sorted(info.localDomains()),
                sorted(info.peerDomains()), info.remoteAddress().map(ConnectorFederationStatus::text).orElse(null),
                info.authMethod().name(), info.state().name(), info.stanzasIn(), info.stanzasOut(), info.openedAt(),
                info.tls().map(tls -> tls.protocol() + " " + tls.cipherSuite()).orElse(null));
    }

    private static FederationOverview.Failure failure(ConnectionFailure failure) {
        return new FederationOverview.Failure(failure.domain(), failure.when(), failure.reason());
    }

    private static List<String> sorted(Set<String> domains) {
        return domains.stream().sorted().toList();
    }

    private static String text(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
