package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.DnsProbe.Resolved;
import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.TcpProbe.Connected;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.s2s.AuditTexts;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.TlsContexts;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.tls.TrustStore;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The federation tester: checks step by step whether a remote domain can be federated with, as the engine would do
 * it, and says so in a {@link ProbeReport} an administrator understands.
 * <ol>
 *   <li>DNS: the SRV records of {@code _xmpps-server._tcp} and {@code _xmpp-server._tcp} (or the fallback to the
 *   domain on port 5269), through the engine's resolvers, then the addresses of each target;</li>
 *   <li>TCP: a connection to every address at once;</li>
 *   <li>on the first that connected, in the engine's order: the stream header and features, STARTTLS (or direct TLS)
 *   and the handshake, the certificate judged by the engine's verifier and the TLS policy for the domain, the features
 *   after TLS; no stanza and no authentication is sent, and the stream is closed with {@code </stream:stream>};</li>
 *   <li>through the running engine, if there is one: authentication and an XEP-0199 ping over the engine's own
 *   outbound session ({@link S2sEngine#ping});</li>
 * </ol>
 * and a one-sentence verdict. A step that fails ends the run: the later ones are reported skipped.
 *
 * <p>{@link #run} blocks its caller (a host's request thread, never one of the engine's I/O threads) for at most the
 * {@linkplain ProbeTimeouts#total() total} time and a moment to close its connection; every step has its own limit
 * too. Each run has an I/O thread of its own, so runs neither wait for nor disturb the engine's.
 */
public final class FederationProbe {

    private final ProbeSettings settings;

    public FederationProbe(ProbeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Steps 1 to 3, for a host whose federation is switched off: authentication and ping are reported skipped
     * ("federation is switched off").
     *
     * @param domain the remote domain as entered; one that is no valid domain gives a report without steps whose
     *               verdict says why
     */
    public ProbeReport run(String domain) {
        return run(domain, "federation is switched off");
    }

    /**
     * Steps 1 to 3, for a host without a running engine: authentication and ping are reported skipped for
     * {@code whyNoEngine}, which the verdict repeats ("the engine could not start: …").
     */
    public ProbeReport run(String domain, String whyNoEngine) {
        return run(domain, Optional.empty(), Objects.requireNonNull(whyNoEngine, "whyNoEngine"));
    }

    /** All steps, authentication and ping through {@code engine}, which must be running. */
    public ProbeReport run(String domain, S2sEngine engine) {
        return run(domain, Optional.of(Objects.requireNonNull(engine, "engine")), "");
    }

    private ProbeReport run(String entered, Optional<S2sEngine> engine, String whyNoEngine) {
        Objects.requireNonNull(entered, "domain");
        String domain;
        try {
            domain = Jid.ofDomain(entered.strip()).domainpart();
        } catch (InvalidJidException e) {
            String shown = AuditTexts.cut(entered, AuditTexts.DETAIL);
            return new ProbeReport(shown, List.of(), "'" + shown + "' is not a valid domain: " + e.getMessage());
        }
        ProbeLog log = new ProbeLog();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-probe"),
                NioIoHandler.newFactory());
        try {
            probe(domain, engine, whyNoEngine, log, group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.stop(new Stop(Conclusion.UNKNOWN, "the probe was interrupted", "skipped: the probe was interrupted"));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        return new ProbeReport(domain, log.steps(), log.verdict(domain));
    }

    private void probe(String domain, Optional<S2sEngine> engine, String whyNoEngine, ProbeLog log,
                       EventLoopGroup group) throws InterruptedException {
        Deadline deadline = new Deadline(settings.timeouts().total());
        TlsPolicy policy = settings.tls().policyFor(domain);
        List<Resolved> resolved = new DnsProbe(settings, deadline, log).run(domain);
        if (log.stopped()) {
            return;
        }
        Optional<Connected> connected = new TcpProbe(group, settings, deadline, log).run(resolved, policy);
        if (connected.isEmpty()) {
            return;
        }
        TlsContexts contexts;
        try {
            contexts = TlsContexts.create(settings.tls());
        } catch (IllegalArgumentException e) {
            connected.get().channel().close();
            log.fail(Kind.TLS, Duration.ZERO, e.getMessage(), new Stop(Conclusion.UNKNOWN,
                    "this server's TLS cannot be set up: " + e.getMessage(), "skipped: no TLS"));
            return;
        }
        CertificateVerifier verifier = new CertificateVerifier(
                TrustStore.withDefaults(settings.tls().extraTrustedCas()), Clock.systemUTC());
        new StreamProbe(settings, contexts, verifier, policy, deadline, log).run(domain, connected.get());
        if (log.stopped()) {
            return;
        }
        if (engine.isEmpty()) {
            log.notTried(whyNoEngine);
            return;
        }
        new SessionProbe(settings, deadline, log).run(domain, engine.get());
    }
}
