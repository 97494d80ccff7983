package dev.parley.bench;

import dev.parley.bench.load.LoadSender;
import dev.parley.bench.load.MessageStanzas;
import dev.parley.bench.load.Pace;
import dev.parley.bench.load.SendResult;
import dev.parley.bench.target.EngineHost;
import dev.parley.bench.target.EngineProcessTarget;
import dev.parley.bench.target.EngineTarget;
import dev.parley.bench.target.EngineTls;
import dev.parley.bench.target.MemorySample;
import dev.parley.bench.target.PeerTarget;
import dev.parley.bench.target.Target;
import dev.parley.it.peers.wire.DialbackStream;
import dev.parley.bench.wire.SourceAddresses;
import dev.parley.it.peers.wire.StartTls;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerLogLevel;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.tls.TlsPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One benchmark run: per {@link StreamMode} a loopback network with its DNS, the sender domain's server, and then
 * each target in turn, alone on the machine: a warm-up, a full-speed run and a paced run over one authenticated
 * stream, then idle streams for memory. The sender domain's server is an engine of its own that shares its dialback
 * secret with the raw streams, so it confirms their keys when a target asks; the load itself bypasses it (see the
 * README for why). With TLS every stream, the targets' dialback verifications included, runs STARTTLS first.
 */
public final class BenchmarkRun {

    static final String SENDER_DOMAIN = "load.test";
    static final String ENGINE_DOMAIN = "parley.test";
    static final String PROSODY_DOMAIN = "prosody.test";
    static final String EJABBERD_DOMAIN = "ejabberd.test";
    /** The peers present self-signed certificates and dialback authenticates: the engine ignores certificate errors. */
    static final TlsPolicy ENGINE_POLICY = TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS;
    private static final Duration HANDSHAKE = Duration.ofSeconds(30);
    /** Lets a peer's memory settle (garbage collection, allocator) before it is read. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final BenchOptions options;
    private final Consumer<String> progress;
    private final DialbackKeys keys;
    private final String secret;
    private final AtomicLong bounces = new AtomicLong();

    public BenchmarkRun(BenchOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
        this.keys = new DialbackKeys(secret);
    }

    /** Runs every target of the options in every mode, the engine first, and returns their results in that order. */
    public List<TargetResult> run() throws IOException {
        System.setProperty(PeerLogLevel.PROPERTY, options.peerLogLevel());
        List<TargetResult> results = new ArrayList<>();
        for (StreamMode mode : options.modes()) {
            results.addAll(run(mode));
        }
        return results;
    }

    private List<TargetResult> run(StreamMode mode) throws IOException {
        List<TargetResult> results = new ArrayList<>();
        Path runDir = options.runDir().resolve(mode.name().toLowerCase(Locale.ROOT));
        try (PeerNetwork network = PeerNetwork.start(runDir, plans(mode))) {
            TestCa ca = TestCa.create(runDir.resolve("ca"));
            Optional<StartTls> tls = mode.tls() ? Optional.of(StartTls.trustingEveryone()) : Optional.empty();
            try (S2sEngine sender = EngineHost.start(SENDER_DOMAIN, network.address(SENDER_DOMAIN), network.dns(),
                    Optional.of(secret), engineTls(mode, ca, SENDER_DOMAIN), bounce -> bounces.incrementAndGet())) {
                long pacedRate = 0;
                for (BenchOptions.TargetKind kind : options.targets()) {
                    progress.accept("starting " + kind + " (" + mode.label() + ")");
                    try (Target target = open(kind, mode, network, ca)) {
                        TargetResult result = measure(target, mode, tls, pacedRate);
                        results.add(result);
                        if (kind == BenchOptions.TargetKind.ENGINE) {
                            pacedRate = Math.max(1, (long) (result.full().deliveredPerSecond() / 2));
                        }
                    }
                }
            }
            if (bounces.get() > 0) {
                progress.accept(bounces.get() + " stanzas came back to the sender as errors");
            }
        }
        return results;
    }

    private static Optional<EngineTls> engineTls(StreamMode mode, TestCa ca, String domain) {
        return mode.tls() ? Optional.of(EngineTls.issue(ca, domain, ENGINE_POLICY)) : Optional.empty();
    }

    private List<DomainPlan> plans(StreamMode mode) {
        List<DomainPlan> plans = new ArrayList<>();
        plans.add(DomainPlan.serverUnderTest(SENDER_DOMAIN, EngineHost.S2S_PORT));
        for (BenchOptions.TargetKind kind : options.targets()) {
            plans.add(switch (kind) {
                case ENGINE -> DomainPlan.serverUnderTest(ENGINE_DOMAIN, EngineHost.S2S_PORT);
                case PROSODY -> ProsodyPeer.plan(PROSODY_DOMAIN, mode.peerSecurity());
                case EJABBERD -> EjabberdPeer.plan(EJABBERD_DOMAIN, mode.peerSecurity());
            });
        }
        return plans;
    }

    private Target open(BenchOptions.TargetKind kind, StreamMode mode, PeerNetwork network, TestCa ca) {
        return switch (kind) {
            case ENGINE -> options.engineJvm() == BenchOptions.EngineJvm.OWN
                    ? new EngineProcessTarget(ENGINE_DOMAIN, network.address(ENGINE_DOMAIN), network.dns(),
                    engineTls(mode, ca, ENGINE_DOMAIN), network.runDir().resolve("engine.log"))
                    : new EngineTarget(ENGINE_DOMAIN, network.address(ENGINE_DOMAIN), network.dns(),
                    engineTls(mode, ca, ENGINE_DOMAIN));
            case PROSODY -> new PeerTarget("Prosody", new ProsodyPeer(network, PROSODY_DOMAIN, mode.peerSecurity(), ca),
                    network);
            case EJABBERD -> new PeerTarget("ejabberd", new EjabberdPeer(network, EJABBERD_DOMAIN, mode.peerSecurity(),
                    ca), network);
        };
    }

    private TargetResult measure(Target target, StreamMode mode, Optional<StartTls> tls, long engineRate)
            throws IOException {
        try (DialbackStream stream = DialbackStream.open(target.s2sAddress(), SENDER_DOMAIN, target.domain(), keys,
                HANDSHAKE, tls)) {
            stream.watch();
            LoadSender sender = new LoadSender(stream, new MessageStanzas("gen@" + SENDER_DOMAIN + "/load", target.recipient()));
            if (options.warmup() > 0) {
                report(target, "warm-up", run(target, sender, options.warmup(), Pace.FULL, options.warmupLimit()));
            }
            RunResult full = report(target, "full", run(target, sender, options.stanzas(), Pace.FULL,
                    options.sendLimit()));
            // a fixed rate, or half the engine's; without the engine's figure, half of this target's own
            long rate = options.pacedRate() > 0 ? options.pacedRate()
                    : engineRate > 0 ? engineRate : Math.max(1, (long) (full.deliveredPerSecond() / 2));
            long count = Math.max(1, rate * options.pacedFor().toMillis() / 1000);
            RunResult paced = report(target, "paced", run(target, sender, count, Pace.perSecond(rate),
                    options.sendLimit()));
            IdleMemory memory = idle(target, tls);
            progress.accept(target.name() + ": " + memory.bytesPerStream() + " bytes per idle stream ("
                    + memory.after().primaryKind() + ")");
            return new TargetResult(target.name(), mode, full, paced, memory, target.note());
        }
    }

    private RunResult run(Target target, LoadSender sender, long count, Pace pace, Duration limit) throws IOException {
        target.reset();
        SendResult send = sender.send(count, pace, limit);
        long deadline = System.nanoTime() + options.drainLimit().toNanos();
        while (target.delivered() < send.sent() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(10));
        }
        return new RunResult(pace, send, target.snapshot());
    }

    private RunResult report(Target target, String run, RunResult result) {
        progress.accept(String.format("%s %s: sent %d, delivered %d, accepted %.0f/s, delivered %.0f/s, p99 %.2f ms%s",
                target.name(), run, result.send().sent(), result.delivery().delivered(),
                result.send().acceptedPerSecond(), result.deliveredPerSecond(), result.latencyMillis(99),
                result.exactlyOnceInOrder() ? "" : " — NOT exactly once in order"));
        return result;
    }

    /**
     * Opens the idle streams one after the other, each authenticated by its own dialback, from
     * source addresses spread as many remote servers' would be, and reads the cost.
     */
    private IdleMemory idle(Target target, Optional<StartTls> tls) throws IOException {
        pause(SETTLE);
        MemorySample before = target.memory();
        List<DialbackStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < options.idleStreams(); i++) {
                streams.add(DialbackStream.open(target.s2sAddress(), Optional.of(SourceAddresses.forStream(i)),
                        SENDER_DOMAIN, target.domain(), keys, HANDSHAKE, tls));
            }
            pause(SETTLE);
            return new IdleMemory(streams.size(), before, target.memory());
        } finally {
            streams.forEach(DialbackStream::close);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
