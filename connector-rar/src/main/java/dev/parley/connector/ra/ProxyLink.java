package dev.parley.connector.ra;

import dev.parley.connector.api.ProxyLinkSettings;
import dev.parley.connector.api.ProxyLinkStatus;
import dev.parley.xmpp.component.ComponentClient;
import dev.parley.xmpp.component.ComponentClientConfig;
import dev.parley.xmpp.component.LinkListener;
import dev.parley.xmpp.component.LinkState;
import dev.parley.xmpp.component.ProxyPolicy;
import dev.parley.xmpp.component.ProxyStatus;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.FederationEventListener;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.StanzaListener;
import dev.parley.xmpp.xml.XmlElement;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Proxy mode's way out: the one component link (XEP-0114) to the proxy, in place of the engine's S2S sessions. What
 * the proxy sends arrives as from the engine (remote servers' stanzas, and error replies for what could not be
 * delivered); what Parley sends goes out on the link in order, waiting while the link is down, and a cut link loses
 * or doubles nothing between Parley and the proxy (the link numbers and acknowledges stanzas). Every time the link
 * comes up or goes down is reported as a federation event, for the audit.
 */
final class ProxyLink implements AutoCloseable {

    private static final int MAX_SESSIONS = 10_000;
    private static final int MAX_FAILURES = 100;

    private final ProxyLinkSettings settings;
    private final List<X509Certificate> trustedCas;
    private final ServerSettings here;
    private final ComponentClientConfig config;
    private final ComponentClient client;
    /** The state last reported, on the client's I/O thread only. */
    private LinkState reported;
    /** The proxy's sessions and failures as it last reported them; nothing while it is not linked. */
    private volatile ProxyStatus proxyStatus = ProxyStatus.none();

    private ProxyLink(ProxyLinkSettings settings, ProxyPolicy policy, List<X509Certificate> trustedCas,
                      ServerSettings here, StanzaListener inbound, FederationEventListener events) {
        this.settings = settings;
        this.trustedCas = trustedCas;
        this.here = here;
        // The proxy's name is looked up like remote servers' names, with Parley's DNS servers.
        ComponentClientConfig plain = ComponentClientConfig.of(settings.host(), settings.port(),
                new DnsHostResolver(new DnsClient(here.dns())), here.xmppDomain(), settings.secret());
        this.config = settings.tls() ? plain.withTls(trustedCas) : plain;
        this.client = ComponentClient.start(config, policy, new LinkListener() {
            @Override
            public void stanza(XmlElement stanza, Runnable taken) {
                inbound.onStanza(stanza, taken);
            }

            @Override
            public void stateChanged(LinkState state) {
                // While the proxy stays unreachable the client tries every 30 s; the audit hears of the change only.
                LinkState before = reported;
                if (before == null || before.up() != state.up() || !before.problem().equals(state.problem())) {
                    events.onEvent(event(state));
                }
                reported = state;
                if (!state.up()) {
                    proxyStatus = ProxyStatus.none();
                }
            }

            @Override
            public void proxyEvent(FederationEvent event) {
                // Into Parley's audit trail, saying where it happened; the proxy's texts are bounded again here.
                events.onEvent(new FederationEvent(event.at(), event.kind(), event.direction(),
                        AuditTexts.cut(event.localDomain(), AuditTexts.DOMAIN),
                        AuditTexts.cut(event.remoteDomain(), AuditTexts.DOMAIN),
                        AuditTexts.cut(event.remoteAddress(), AuditTexts.ADDRESS), event.authMethod(),
                        event.tls().map(tls -> AuditTexts.cut(tls, AuditTexts.DETAIL)),
                        AuditTexts.cut("at the XMPP proxy: " + event.detail(), AuditTexts.DETAIL)));
            }

            @Override
            public void proxyStatus(ProxyStatus status) {
                // Bounded, whatever the proxy sends: it is shown on pages and through the API.
                proxyStatus = new ProxyStatus(status.sessions().stream().limit(MAX_SESSIONS).toList(),
                        status.failures().stream().skip(Math.max(0, status.failures().size() - MAX_FAILURES))
                                .map(failure -> new ConnectionFailure(AuditTexts.cut(failure.domain(),
                                        AuditTexts.DOMAIN), failure.when(), AuditTexts.cut(failure.reason(),
                                        AuditTexts.DETAIL))).toList());
            }
        });
    }

    /**
     * Starts keeping the link up for the server's domain; the first attempt begins at once. With TLS, the proxy's
     * certificate must chain to the JDK's CAs or {@code trustedCas}. A Parley XMPP Proxy is told {@code policy} each
     * time the link comes up.
     */
    static ProxyLink start(ProxyLinkSettings settings, ProxyPolicy policy, List<X509Certificate> trustedCas,
                           ServerSettings here, StanzaListener inbound, FederationEventListener events) {
        return new ProxyLink(settings, policy, trustedCas, here, inbound, events);
    }

    /** Tells the proxy {@code changed} (authorizations or TLS policies) now, and again whenever the link comes up. */
    void policy(ProxyPolicy changed) {
        client.setPolicy(changed);
    }

    /** Whether this link is the one the settings ask for, so that applying them again keeps it as it is. */
    boolean isFor(ProxyLinkSettings wanted, List<X509Certificate> wantedCas, ServerSettings wantedHere) {
        // The trusted CAs matter only to a link inside TLS.
        return settings.equals(wanted) && (!wanted.tls() || trustedCas.equals(wantedCas)) && here.equals(wantedHere);
    }

    /**
     * Sends {@code stanza} through the proxy, after what was sent before it. Its fate is the proxy's verdict (written
     * to the remote server, or bounced and why), as the engine's would be in direct mode. While the link is down it
     * waits, at most {@code maxWait}, then comes back with {@code remote-server-timeout}, which the application retries
     * until its retry window closes.
     */
    CompletionStage<Delivery> submit(XmlElement stanza, Duration maxWait) {
        return client.submit(stanza, maxWait);
    }

    /** The S2S sessions the proxy holds, as it last reported them. */
    List<SessionInfo> sessions() {
        return proxyStatus.sessions();
    }

    /**
     * Asks the proxy to close its session {@code id}, as an administrator did; false when the proxy did not report such
     * a session or the link is down. The session leaves the status at once; the proxy's next report confirms it.
     */
    boolean closeSession(String id) {
        ProxyStatus current = proxyStatus;
        if (current.sessions().stream().noneMatch(session -> session.id().equals(id)) || !client.closeSession(id)) {
            return false;
        }
        proxyStatus = new ProxyStatus(current.sessions().stream().filter(session -> !session.id().equals(id)).toList(),
                current.failures());
        return true;
    }

    /** The remote domains the proxy could not reach lately, as it last reported them. */
    List<ConnectionFailure> recentFailures() {
        return proxyStatus.failures();
    }

    ProxyLinkStatus status() {
        return new ProxyLinkStatus(config.endpoint(), client.state(), client.waiting());
    }

    private FederationEvent event(LinkState state) {
        return new FederationEvent(state.since(), state.up() ? FederationEvent.Kind.PROXY_LINK_UP
                : FederationEvent.Kind.PROXY_LINK_DOWN, SessionDirection.OUTBOUND,
                AuditTexts.cut(here.xmppDomain(), AuditTexts.DOMAIN),
                AuditTexts.cut(settings.host(), AuditTexts.DOMAIN),
                AuditTexts.cut(config.endpoint(), AuditTexts.ADDRESS), Optional.empty(), Optional.empty(),
                // The detail may quote the proxy's stream error, which is as long as the proxy made it.
                AuditTexts.cut(state.up() ? "link to the XMPP proxy is up" : state.problem().orElse("the link is down"),
                        AuditTexts.DETAIL));
    }

    @Override
    public void close() {
        client.close();
    }
}
