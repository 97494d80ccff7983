package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.diagnostics.TcpProbe.Connected;
import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.tls.TlsContexts;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlLimits;
import dev.parley.xmpp.xml.XmlStreamDecoder;
import io.netty.channel.Channel;
import io.netty.handler.codec.string.StringEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The stream steps on the one connection kept: the peer's header and features, STARTTLS (or direct TLS) and the
 * handshake, the certificate judged as the engine judges it under the domain's TLS policy, and the features after
 * TLS. No stanza and no authentication is sent; the stream is closed with {@code </stream:stream>} at the end.
 */
final class StreamProbe {

    /** How long a peer may take to answer our closing tag before the connection is closed anyway. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final String localDomain;
    private final TlsContexts contexts;
    private final CertificateVerifier verifier;
    private final TlsPolicy policy;
    private final Duration timeout;
    private final Deadline deadline;
    private final ProbeLog log;

    /** A phase's result and how long the peer took for it. */
    private record Phase<T>(T value, Duration took) {
    }

    StreamProbe(ProbeSettings settings, TlsContexts contexts, CertificateVerifier verifier, TlsPolicy policy,
                Deadline deadline, ProbeLog log) {
        this.localDomain = settings.localDomain();
        this.contexts = contexts;
        this.verifier = verifier;
        this.policy = policy;
        this.timeout = settings.timeouts().exchange();
        this.deadline = deadline;
        this.log = log;
    }

    void run(String domain, Connected connection) throws InterruptedException {
        Channel channel = connection.channel();
        boolean directTls = connection.target().directTls();
        // As the engine's own header: from our domain, dialback's prefix declared, so that the peer offers what it
        // would offer the engine.
        StreamHeader header = new StreamHeader(Optional.of(localDomain), Optional.of(domain), Optional.empty(),
                Optional.of(StreamVersion.V1_0), Optional.of("en"), XmppNamespaces.SERVER)
                .withPrefix(Dialback.PREFIX, Dialback.NAMESPACE);
        ProbeStreamHandler stream = new ProbeStreamHandler(header, XmlLimits.DEFAULTS,
                tlsChannel -> contexts.newClientHandler(tlsChannel.alloc(), localDomain, domain,
                        connection.target().port()), directTls, policy != TlsPolicy.NONE);
        channel.eventLoop().execute(() -> {
            // One task, so that the handshake a direct-TLS handler starts cannot end before the stream handler is in.
            if (directTls) {
                channel.pipeline().addLast("tls", contexts.newClientHandler(channel.alloc(), localDomain, domain,
                        connection.target().port()));
            }
            channel.pipeline()
                    .addLast("utf8-encoder", new StringEncoder(StandardCharsets.UTF_8))
                    .addLast(ProbeStreamHandler.DECODER, new XmlStreamDecoder(XmlLimits.DEFAULTS))
                    .addLast("probe-stream", stream);
        });
        try {
            if (directTls) {
                directTls(domain, connection, stream);
            } else {
                startTls(domain, connection, stream);
            }
        } finally {
            close(channel, stream);
        }
    }

    /** Header and features in plaintext, then STARTTLS as the engine would do it. */
    private void startTls(String domain, Connected connection, ProbeStreamHandler stream) throws InterruptedException {
        Optional<Phase<StreamOpening>> opened = await(stream.opening(), Kind.STREAM, connection, stream, true);
        if (opened.isEmpty()) {
            return;
        }
        StreamOpening opening = opened.get().value();
        log.reached(connection.reached());
        if (!opening.hasFeatures()) {
            log.add(Kind.STREAM, Outcome.WARNING, opened.get().took(), describe(connection, opening)
                    + "; it predates XMPP 1.0, so it has no stream features and no TLS");
            withoutTls(domain, "predates XMPP 1.0 and cannot do TLS");
            return;
        }
        XmlElement features = opening.features().orElseThrow();
        log.add(Kind.STREAM, Outcome.PASSED, opened.get().took(), describe(connection, opening));
        Optional<XmlElement> offered = StartTls.offered(features);
        if (offered.isEmpty()) {
            withoutTls(domain, "does not offer TLS");
            return;
        }
        if (policy == TlsPolicy.NONE) {
            if (StartTls.required(offered.get())) {
                String reason = "it requires TLS, and the policy for it is " + policy;
                log.fail(Kind.TLS, Duration.ZERO, domain + " requires TLS, and the policy for it is " + policy,
                        new Stop(Conclusion.NOT_FEDERATING, reason, "skipped: no stream the policy allows"));
            } else {
                log.add(Kind.TLS, Outcome.WARNING, Duration.ZERO, domain + " offers STARTTLS, but the policy "
                        + policy + " does not use it: streams with " + domain + " are not encrypted");
                log.add(Kind.CERTIFICATE, Outcome.SKIPPED, Duration.ZERO, "skipped: the policy " + policy
                        + " does not use TLS");
            }
            return;
        }
        if (!handshake(domain, connection, stream, "STARTTLS")) {
            return;
        }
        await(stream.restarted(), Kind.STREAM, connection, stream, false)
                .ifPresent(restarted -> afterTls(connection, restarted, "stream restarted over TLS: "));
    }

    /** The handshake from the first byte (XEP-0368), then header and features. */
    private void directTls(String domain, Connected connection, ProbeStreamHandler stream) throws InterruptedException {
        log.reached(connection.reached());
        if (!handshake(domain, connection, stream, "direct TLS")) {
            return;
        }
        await(stream.opening(), Kind.STREAM, connection, stream, false)
                .ifPresent(opened -> afterTls(connection, opened, ""));
    }

    /**
     * A stream the engine would run in plaintext: fine under a policy that allows it, the end under one that does
     * not. {@code why} follows the domain: "does not offer TLS".
     */
    private void withoutTls(String domain, String why) {
        if (policy.requiresTls()) {
            log.fail(Kind.TLS, Duration.ZERO, domain + " " + why + ", and the policy for it is " + policy,
                    new Stop(Conclusion.NOT_FEDERATING, "it " + why + ", and the policy " + policy + " requires TLS",
                            "skipped: no TLS"));
            return;
        }
        log.add(Kind.TLS, Outcome.WARNING, Duration.ZERO, domain + " " + why + ": streams with it are not encrypted");
        log.add(Kind.CERTIFICATE, Outcome.SKIPPED, Duration.ZERO, "skipped: no TLS");
    }

    /** The TLS and certificate steps; whether the engine would go on. */
    private boolean handshake(String domain, Connected connection, ProbeStreamHandler stream, String how)
            throws InterruptedException {
        Optional<Phase<TlsHandshake>> finished = await(stream.handshake(), Kind.TLS, connection, stream, false);
        if (finished.isEmpty()) {
            return false;
        }
        TlsHandshake tls = finished.get().value();
        log.encrypted(tls.protocol());
        log.add(Kind.TLS, Outcome.PASSED, finished.get().took(), Texts.fromPeer(tls.protocol() + ", "
                + tls.cipherSuite() + ", by " + how + tls.alpn().map(alpn -> ", ALPN " + alpn)
                .orElse(how.equals("direct TLS") ? ", no ALPN" : "")));
        long start = System.nanoTime();
        return CertificateJudgement.record(log, domain, verifier.verify(tls.chain(), domain), policy,
                Deadline.since(start));
    }

    /** The stream step after TLS: what the peer offers to authenticate with. */
    private void afterTls(Connected connection, Phase<StreamOpening> opened, String prefix) {
        StreamOpening opening = opened.value();
        Optional<XmlElement> features = opening.features();
        boolean dialback = features.filter(StreamFeatures::offersDialback).isPresent();
        boolean external = features.filter(SaslExternal::offered).isPresent();
        String detail = prefix + describe(connection, opening);
        if (dialback || external) {
            log.add(Kind.STREAM, Outcome.PASSED, opened.took(), detail);
        } else {
            log.add(Kind.STREAM, Outcome.WARNING, opened.took(), detail + "; it offers neither dialback nor SASL"
                    + " EXTERNAL (servers from before dialback's stream feature may still accept dialback)");
        }
    }

    private static String describe(Connected connection, StreamOpening opening) {
        return connection.reached() + " answered" + opening.from().map(from -> " as " + from).orElse("")
                + opening.id().map(id -> ", stream id " + id).orElse("")
                + ", version " + opening.version().map(StreamVersion::toString).orElse("none")
                + opening.features().map(features -> "; " + StreamFeatures.describe(features)).orElse("");
    }

    /**
     * Waits for one phase with the exchange's limit. A failure or timeout is the step's and ends the run:
     * {@code unreachable} when no XMPP stream could be had at all.
     */
    private <T> Optional<Phase<T>> await(CompletableFuture<T> phase, Kind kind, Connected connection,
                                         ProbeStreamHandler stream, boolean unreachable) throws InterruptedException {
        Deadline.Limit limit = deadline.limit(timeout);
        long start = System.nanoTime();
        String failure;
        try {
            T value = Deadline.await(phase, limit);
            return Optional.of(new Phase<>(value, Deadline.since(start)));
        } catch (TimeoutException e) {
            failure = connection.reached() + " sent nothing " + limit.describe() + " while the probe waited for "
                    + stream.waitingFor();
        } catch (ExecutionException e) {
            failure = connection.reached() + " " + Texts.message(e.getCause());
        }
        log.fail(kind, Deadline.since(start), failure, unreachable
                ? new Stop(Conclusion.UNREACHABLE, failure, "skipped: no XMPP stream")
                : new Stop(Conclusion.NOT_FEDERATING, failure, "skipped: the stream ended"));
        return Optional.empty();
    }

    /** Our closing tag where the stream got as far as the probe goes, a moment for the peer's, then the connection. */
    private static void close(Channel channel, ProbeStreamHandler stream) throws InterruptedException {
        if (stream.negotiated() && channel.isActive()) {
            channel.writeAndFlush("</stream:stream>");
            channel.closeFuture().await(CLOSE_GRACE.toMillis());
        }
        channel.close();
    }
}
