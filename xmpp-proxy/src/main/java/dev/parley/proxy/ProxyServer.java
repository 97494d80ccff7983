package dev.parley.proxy;

import dev.parley.proxy.config.ProxyConfig;
import dev.parley.proxy.health.ProxyHealth;
import dev.parley.proxy.health.ProxyHealthReport;
import dev.parley.xmpp.component.ComponentListener;
import dev.parley.xmpp.component.ComponentListenerConfig;
import dev.parley.xmpp.component.ProxyPolicy;
import dev.parley.xmpp.component.ProxyStatus;
import dev.parley.xmpp.dns.DnsClient;
import dev.parley.xmpp.dns.DnsHostResolver;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.s2s.EngineConfig;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running proxy: the S2S engine for the domain it serves (the same engine Parley's resource adapter runs), the
 * listener for Parley's link, the relay between them, and the health endpoint.
 */
final class ProxyServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());
    /**
     * Before Parley has linked and said which domains federate, none does: a domain Parley blocks must not get in
     * through the proxy in the meantime.
     */
    private static final ProxyPolicy UNTIL_PARLEY_LINKS = new ProxyPolicy(TlsPolicy.OPTIONAL, DomainPolicy.none());

    /** How often Parley hears which sessions are open: its status pages are as fresh as that. */
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);
    /** How long a stop waits for the engine to settle what Parley sent, and for Parley to acknowledge what it was sent. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final ProxyConfig config;
    private final ProxyRelay relay;
    private final ScheduledExecutorService reports;
    private final S2sEngine engine;
    private final ComponentListener link;
    private final Optional<ProxyHealth> health;

    private ProxyServer(ProxyConfig config, ProxyRelay relay, S2sEngine engine, ComponentListener link,
                        Optional<ProxyHealth> health, ScheduledExecutorService reports) {
        this.config = config;
        this.relay = relay;
        this.reports = reports;
        this.engine = engine;
        this.link = link;
        this.health = health;
    }

    /**
     * Starts everything the configuration asks for, or nothing.
     *
     * @throws RuntimeException saying which part could not start (a port taken, a credential unusable)
     */
    static ProxyServer start(ProxyConfig config) {
        ProxyRelay relay = new ProxyRelay(Clock.systemUTC());
        EngineConfig initial = engineConfig(config, UNTIL_PARLEY_LINKS);
        S2sEngine engine = S2sEngine.start(initial, relay, event -> {
            log(event);
            relay.report(event);
        });
        ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-proxy-status");
            thread.setDaemon(true);
            return thread;
        });
        Runnable report = () -> {
            try {
                relay.report(new ProxyStatus(engine.sessions(), engine.recentFailures()));
            } catch (RuntimeException e) {
                // A failed run would end the schedule for good; the next one tries again.
                LOG.log(Level.WARNING, "The status for Parley could not be made", e);
            }
        };
        relay.sendThrough(engine, policy -> engine.reconfigure(engineConfig(config, policy)), id -> {
            try {
                reports.execute(() -> {
                    engine.closeSession(id);
                    report.run();
                });
            } catch (RejectedExecutionException stopping) {
                LOG.log(Level.INFO, "Not closing the session {0}: the proxy is stopping", id);
            }
        });
        ComponentListener link;
        try {
            link = ComponentListener.start(linkConfig(config), relay);
            relay.deliverThrough(link);
        } catch (RuntimeException e) {
            reports.shutdownNow();
            engine.close();
            throw e;
        }
        try {
            Optional<ProxyHealth> health = Optional.empty();
            if (config.health().isPresent()) {
                health = Optional.of(ProxyHealth.start(config.health().get().getAddress(),
                        config.health().get().getPort(), () -> report(engine, relay)));
            }
            reports.scheduleWithFixedDelay(report, 0, STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return new ProxyServer(config, relay, engine, link, health, reports);
        } catch (IOException e) {
            reports.shutdownNow();
            link.close();
            engine.close();
            throw new UncheckedIOException("the health endpoint could not start: " + e.getMessage(), e);
        }
    }

    /**
     * The engine for the proxy's domain under Parley's {@code policy}: which remote domains federate, and the TLS
     * policies, with the proxy's own certificate and trusted CAs.
     */
    private static EngineConfig engineConfig(ProxyConfig config, ProxyPolicy policy) {
        DnsClient dns = new DnsClient(config.dns());
        TlsConfig tls = new TlsConfig(config.s2s().credential().map(credential -> Map.of(config.domain(), credential))
                .orElse(Map.of()), config.s2s().trustedCas(), policy.globalTls(),
                domain -> policy.domains().tlsPolicyFor(domain).orElse(null));
        EngineConfig engine = EngineConfig.of(config.s2s().bind(), config.s2s().port(), Set.of(config.domain()),
                new DnsS2sTargetResolver(dns), new DnsHostResolver(dns)).withTls(tls)
                .withRemoteDomains(policy.domains()).withInboundLimits(config.s2s().inbound())
                .withPrivateFederation(config.s2s().privateFederation());
        return config.s2s().directTlsPort().isPresent()
                ? engine.withDirectTlsPort(config.s2s().directTlsPort().getAsInt()) : engine;
    }

    private static ComponentListenerConfig linkConfig(ProxyConfig config) {
        ComponentListenerConfig link = ComponentListenerConfig.of(config.link().bind(), config.link().port(),
                config.domain(), config.link().secret()).withMaxWait(config.link().maxWait());
        return config.link().tls().map(link::withTls).orElse(link);
    }

    private static ProxyHealthReport report(S2sEngine engine, ProxyRelay relay) {
        List<SessionInfo> sessions = engine.sessions();
        ProxyRelay.LinkReport link = relay.linkReport();
        return new ProxyHealthReport(link.up(), link.problem(), count(sessions, SessionDirection.INBOUND),
                count(sessions, SessionDirection.OUTBOUND), true);
    }

    private static int count(List<SessionInfo> sessions, SessionDirection direction) {
        return (int) sessions.stream().filter(session -> session.direction() == direction).count();
    }

    /** The proxy keeps no audit trail of its own: its federation events go to its log, and to Parley's while linked. */
    private static void log(FederationEvent event) {
        LOG.log(event.kind() == FederationEvent.Kind.STREAM_OPENED || event.kind() == FederationEvent.Kind.STREAM_CLOSED
                ? Level.INFO : Level.WARNING, "{0} {1} {2} ({3}): {4}", event.kind(), event.direction(),
                event.remoteDomain(), event.remoteAddress(), event.detail());
    }

    /** Where it serves what, in one line for the console. */
    String describe() {
        return "serving " + config.domain() + ": S2S on " + IpAddressLiteral.format(engine.localAddress())
                + ", Parley's link on " + IpAddressLiteral.format(link.localAddress())
                + health.map(endpoint -> ", health on port " + endpoint.port()).orElse("");
    }

    /**
     * Stops answering health checks and accepting links, and takes nothing more from either side (what Parley sends
     * from now on it sends again on its next link); lets the engine settle what it has and Parley acknowledge what it
     * was sent (a few seconds at most), answers remote senders for what Parley did not take, then closes the S2S
     * streams, which bounces what still waits: the verdicts on all of it reach Parley before its link ends with
     * {@code system-shutdown}, so that Parley sends again exactly what did not go out.
     */
    @Override
    public void close() {
        health.ifPresent(ProxyHealth::close);
        reports.shutdownNow();
        link.stopAccepting();
        relay.stopTaking();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while ((relay.inFlight() > 0 || link.waiting() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Answered while the engine can still send the errors.
        link.giveBackWaiting();
        engine.close();
        link.close();
    }
}
