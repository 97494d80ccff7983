package dev.parley.connector.ra;

import dev.parley.connector.api.FederationRuntimeSettings;
import dev.parley.connector.api.FederationSettingsException;
import dev.parley.connector.api.FederationStatus;
import dev.parley.connector.api.FederationStatus.State;
import dev.parley.connector.api.FederationUnavailableException;
import dev.parley.connector.api.ProxyLinkSettings;
import dev.parley.xmpp.component.ProxyPolicy;
import dev.parley.xmpp.diagnostics.FederationProbe;
import dev.parley.xmpp.diagnostics.ProbeReport;
import dev.parley.xmpp.diagnostics.ProbeSettings;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.Delivery;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.stanza.Bounces;
import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.xml.XmlElement;
import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the S2S engine as the application's settings say: starts it when federation is switched
 * on, reconfigures it in place when settings change, and closes it (streams ended gracefully, port
 * freed) when federation is switched off or the adapter stops. In proxy mode it keeps the {@link ProxyLink} up
 * instead, and stanzas go out and come in through it.
 */
final class EngineHost implements StanzaRefusal {

    private static final System.Logger LOG = System.getLogger(EngineHost.class.getName());
    static final String SWITCHED_OFF = "XMPP federation is switched off on this server";
    /** How long an error reply to a remote sender waits for the link to the proxy: nobody retries it. */
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);

    private final Supplier<ServerSettings> server;
    private final InboundDispatcher inbound;
    /** Written under the monitor, read without it by senders and refusals. */
    private volatile S2sEngine engine;
    /** In proxy mode, instead of the engine; written under the monitor like it. */
    private volatile ProxyLink proxyLink;
    private volatile FederationStatus status;
    /** The settings last applied, switched on or off: what a federation test judges by while the engine is off. */
    private volatile FederationRuntimeSettings applied;

    EngineHost(Supplier<ServerSettings> server, Function<StanzaRefusal, InboundDispatcher> inbound) {
        this.server = server;
        this.inbound = inbound.apply(this);
        this.status = new FederationStatus(State.OFF, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
    }

    InboundDispatcher inbound() {
        return inbound;
    }

    synchronized void apply(FederationRuntimeSettings settings) throws FederationSettingsException {
        ServerSettings here;
        try {
            here = server.get();
        } catch (IllegalArgumentException e) {
            throw failed("Parley's server settings are wrong: " + e.getMessage(), e);
        }
        applied = settings;
        if (!settings.enabled()) {
            closeEngine();
            closeProxyLink();
            status = new FederationStatus(State.OFF, Optional.empty(), Set.of(here.xmppDomain()), Optional.empty(),
                    Optional.empty());
            return;
        }
        if (settings.proxy().isPresent()) {
            applyProxyMode(settings.proxy().get(), new ProxyPolicy(settings.tlsPolicy(), settings.domains()),
                    settings.trustedCas(), here);
            return;
        }
        try {
            EngineConfig config = configFor(settings, here);
            if (engine == null) {
                engine = S2sEngine.start(config, inbound, inbound::event);
                LOG.log(Level.INFO, "XMPP federation started for {0}, listening on {1}", here.xmppDomain(),
                        engine.localAddress());
            } else {
                engine.reconfigure(config);
            }
        } catch (RuntimeException e) {
            throw failed("XMPP federation could not " + (engine == null ? "start" : "apply the new settings")
                    + ": " + e.getMessage(), e);
        }
        // Only now that the engine runs: stanzas sent meanwhile went through the link, never into a gap.
        closeProxyLink();
        status = running(Optional.empty());
    }

    /**
     * Proxy mode: no engine and no S2S port here; the link to the proxy is kept up instead (the same link when only
     * other settings changed, so that applying them does not cut it).
     */
    private void applyProxyMode(ProxyLinkSettings proxy, ProxyPolicy policy, List<X509Certificate> trustedCas,
                                ServerSettings here) throws FederationSettingsException {
        ProxyLink current = proxyLink;
        if (current == null || !current.isFor(proxy, trustedCas, here)) {
            ProxyLink started;
            try {
                started = ProxyLink.start(proxy, policy, trustedCas, here, inbound, inbound::event);
            } catch (RuntimeException e) {
                throw failed("the link to the XMPP proxy could not be set up: " + e.getMessage(), e);
            }
            // The new link first, then the old one or the engine closed: a stanza sent meanwhile finds a way out.
            proxyLink = started;
            if (current != null) {
                current.close();
            }
            LOG.log(Level.INFO, "XMPP federation for {0} goes through the XMPP proxy at {1}", here.xmppDomain(),
                    started.status().endpoint());
        } else {
            current.policy(policy);
        }
        closeEngine();
        status = new FederationStatus(State.RUNNING, Optional.empty(), Set.of(here.xmppDomain()), Optional.empty(),
                Optional.empty());
    }

    /** What federation is doing; in proxy mode with the link's state as of now. */
    FederationStatus status() {
        FederationStatus current = status;
        ProxyLink link = proxyLink;
        return link == null ? current : new FederationStatus(current.state(), current.listening(),
                current.localDomains(), current.problem(), Optional.of(link.status()));
    }

    List<SessionInfo> sessions() {
        ProxyLink link = proxyLink;
        if (link != null) {
            return link.sessions();
        }
        S2sEngine running = engine;
        return running == null ? List.of() : running.sessions();
    }

    /**
     * Closes the session {@code id} names (see {@code S2sEngine.closeSession}), in proxy mode by asking the proxy; false
     * while federation is off or no such session is known.
     */
    boolean closeSession(String id) {
        ProxyLink link = proxyLink;
        if (link != null) {
            return link.closeSession(id);
        }
        S2sEngine running = engine;
        return running != null && running.closeSession(id);
    }

    /**
     * Tests federation with {@code domain}: through the running engine (its resolvers, TLS, authentication and ping),
     * or, while it is off or could not start, with the settings last applied and without the steps that need it. A
     * domain the authorizations refuse is not contacted at all, as by the engine. Whatever goes wrong is in the report.
     */
    ProbeReport testFederation(String domain) {
        try {
            return probe(domain);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The federation test could not run", e);
            return new ProbeReport(AuditTexts.cut(domain, AuditTexts.DETAIL), List.of(),
                    "the test could not run: " + e.getMessage());
        }
    }

    private ProbeReport probe(String entered) {
        FederationRuntimeSettings settings = applied;
        if (settings == null) {
            return new ProbeReport(AuditTexts.cut(entered, AuditTexts.DETAIL), List.of(), "federation has not been set"
                    + " up yet on this server: the settings are applied when Parley starts; try again in a moment");
        }
        Optional<String> domain = canonical(entered);
        Optional<String> refusal = domain.flatMap(settings.domains()::refusal);
        if (refusal.isPresent()) {
            return new ProbeReport(domain.get(), List.of(), refusal.get() + ": the tester contacts only domains this"
                    + " server may federate with; add a domain authorization first");
        }
        ServerSettings here = server.get();
        S2sEngine running = engine;
        if (running != null) {
            return new FederationProbe(ProbeSettings.of(running.config(), here.xmppDomain())).run(entered, running);
        }
        ProxyLink link = proxyLink;
        String whyNoEngine = link != null
                ? "federation goes through the XMPP proxy at " + link.status().endpoint() + ", which holds the S2S"
                        + " streams; the steps above ran from this server, whose network may differ from the proxy's"
                : settings.enabled()
                ? "the engine is not running: " + status.problem().orElse("it could not start")
                : "federation is switched off";
        return new FederationProbe(ProbeSettings.of(configFor(settings, here), here.xmppDomain()))
                .run(entered, whyNoEngine);
    }

    private static Optional<String> canonical(String domain) {
        try {
            return Optional.of(Jid.ofDomain(domain.strip()).domainpart());
        } catch (InvalidJidException e) {
            // The probe says why in its report.
            return Optional.empty();
        }
    }

    List<ConnectionFailure> recentFailures() {
        ProxyLink link = proxyLink;
        if (link != null) {
            return link.recentFailures();
        }
        S2sEngine running = engine;
        return running == null ? List.of() : running.recentFailures();
    }

    /**
     * Submits {@code stanza} without waiting for its verdict: the stage completes with it, or empty once
     * {@code patience} has passed without one. The caller then lets go of the stanza; a later bounce is returned to
     * the sender through the inbound path, as for stanzas from {@code S2sEngine.send}, so that the caller never sends
     * it a second time and nothing is lost. The stage may complete on one of the engine's I/O threads.
     */
    CompletionStage<Optional<Delivery>> submit(XmlElement stanza, Duration patience)
            throws FederationUnavailableException {
        CompletableFuture<Delivery> verdict = submitWithin(stanza, patience).toCompletableFuture();
        return verdict.thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), patience.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(fate -> {
                    if (fate.isEmpty()) {
                        returnLateBounce(stanza, verdict);
                        LOG.log(Level.INFO, "No verdict within {0} on a stanza to {1}; the engine keeps it",
                                patience, stanza.attribute("to").orElse("-"));
                    }
                    return fate;
                });
    }

    private void returnLateBounce(XmlElement stanza, CompletionStage<Delivery> verdict) {
        verdict.thenAccept(late -> {
            if (late instanceof Delivery.Bounced bounced) {
                Bounces.reply(stanza, StanzaError.of(bounced.condition(), bounced.text())).ifPresent(inbound::onStanza);
            }
        });
    }

    private CompletionStage<Delivery> submitWithin(XmlElement stanza, Duration patience)
            throws FederationUnavailableException {
        ProxyLink link = proxyLink;
        if (link != null) {
            // It waits for the link while its sender waits for the verdict, leaving time for the proxy's answer once
            // the link is back: then the sender retries what waited in vain, holding its place in the meantime.
            return link.submit(stanza, patience.multipliedBy(3).dividedBy(4));
        }
        S2sEngine running = engine;
        if (running == null) {
            throw new FederationUnavailableException(status.problem().orElse(SWITCHED_OFF));
        }
        try {
            return running.submit(stanza);
        } catch (IllegalStateException e) {
            // Closed between the read above and the call: federation was switched off meanwhile.
            throw new FederationUnavailableException(SWITCHED_OFF);
        }
    }

    @Override
    public void refuse(XmlElement stanza, StanzaErrorCondition condition, String text) {
        Optional<XmlElement> reply = Bounces.reply(stanza, StanzaError.of(condition, text));
        ProxyLink link = proxyLink;
        if (reply.isPresent() && link != null) {
            link.submit(reply.get(), REPLY_WAIT).thenAccept(fate -> {
                if (fate instanceof Delivery.Bounced bounced) {
                    LOG.log(Level.WARNING, "Could not return a stanza to {0} ({1}: {2}): {3}",
                            stanza.attribute("from").orElse("-"), condition.elementName(), text, bounced.text());
                }
            });
            return;
        }
        S2sEngine running = engine;
        if (reply.isEmpty() || running == null) {
            LOG.log(Level.WARNING, "Dropping a stanza from {0} to {1} that could not be delivered ({2}: {3})",
                    stanza.attribute("from").orElse("-"), stanza.attribute("to").orElse("-"),
                    condition.elementName(), text);
            return;
        }
        try {
            running.send(reply.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not return a stanza to " + stanza.attribute("from").orElse("-")
                    + " (" + condition.elementName() + ": " + text + ")", e);
        }
    }

    /**
     * For the adapter's stop, when the MDB is gone already: first nothing more comes in (listener
     * and inbound streams closed), then what still waits for the application goes back to its
     * senders while the outbound side can carry the errors, then the engine closes.
     */
    synchronized void stop() {
        if (engine != null) {
            engine.closeInbound();
        }
        inbound.refuseWaiting();
        closeEngine();
        closeProxyLink();
        status = new FederationStatus(State.OFF, Optional.empty(), status.localDomains(), Optional.empty(),
                Optional.empty());
    }

    private void closeEngine() {
        if (engine != null) {
            S2sEngine closing = engine;
            engine = null;
            closing.close();
            LOG.log(Level.INFO, "XMPP federation stopped");
        }
    }

    private void closeProxyLink() {
        if (proxyLink != null) {
            ProxyLink closing = proxyLink;
            proxyLink = null;
            closing.close();
            LOG.log(Level.INFO, "The link to the XMPP proxy is closed");
        }
    }

    private FederationStatus running(Optional<String> problem) {
        S2sEngine running = engine;
        return new FederationStatus(State.RUNNING, Optional.of(running.localAddress()), running.config().localDomains(),
                problem, Optional.empty());
    }

    private FederationSettingsException failed(String problem, Exception cause) {
        LOG.log(Level.WARNING, problem);
        status = engine == null
                ? new FederationStatus(State.FAILED, Optional.empty(), status.localDomains(), Optional.of(problem),
                        Optional.empty())
                : running(Optional.of(problem));
        return new FederationSettingsException(problem, cause);
    }

    private static EngineConfig configFor(FederationRuntimeSettings settings, ServerSettings here) {
        DnsClient dns = new DnsClient(here.dns());
        Map<String, ServerCredential> credentials = settings.credential()
                .map(credential -> Map.of(here.xmppDomain(), credential)).orElse(Map.of());
        TlsConfig tls = new TlsConfig(credentials, settings.trustedCas(), settings.tlsPolicy(),
                domain -> settings.domains().tlsPolicyFor(domain).orElse(null));
        return EngineConfig.of(settings.bindAddress(), settings.port(), Set.of(here.xmppDomain()),
                        new DnsS2sTargetResolver(dns), new DnsHostResolver(dns))
                .withTls(tls)
                .withRemoteDomains(settings.domains())
                .withInboundLimits(here.inbound())
                .withPrivateFederation(settings.privateFederation());
    }
}
