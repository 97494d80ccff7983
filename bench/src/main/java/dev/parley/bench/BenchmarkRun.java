package dev.parley.bench;

import dev.parley.bench.load.LoadSender;
import dev.parley.bench.load.MessageStanzas;
import dev.parley.bench.load.Pace;
import dev.parley.bench.load.SendResult;
import dev.parley.bench.target.EngineHost;
import dev.parley.bench.target.EngineProcessTarget;
import dev.parley.bench.target.EngineTarget;
import dev.parley.bench.target.MemorySample;
import dev.parley.bench.target.PeerTarget;
import dev.parley.bench.target.Target;
import dev.parley.bench.wire.DialbackStream;
import dev.parley.it.peers.DomainPlan;
import dev.parley.it.peers.EjabberdPeer;
import dev.parley.it.peers.PeerNetwork;
import dev.parley.it.peers.PeerSecurity;
import dev.parley.it.peers.ProsodyPeer;
import dev.parley.it.peers.TestCa;
import dev.parley.xmpp.dialback.DialbackKeys;
import dev.parley.xmpp.s2s.S2sEngine;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One benchmark run: a loopback network with its DNS, the sender domain's server, and then each target in turn,
 * alone on the machine: a warm-up, a full-speed run and a paced run over one authenticated stream, then idle streams
 * for memory. The sender domain's server is an engine of its own that shares its dialback secret with the raw
 * streams, so it confirms their keys when a target asks; the load itself bypasses it (see the README for why).
 */
public final class BenchmarkRun {

    static final String SENDER_DOMAIN = "load.test";
    static final String ENGINE_DOMAIN = "parley.test";
    static final String PROSODY_DOMAIN = "prosody.test";
    static final String EJABBERD_DOMAIN = "ejabberd.test";
    /** Plaintext dialback until the engine has TLS; the peers run in the same mode for a like-for-like figure. */
    static final PeerSecurity SECURITY = PeerSecurity.NO_TLS_DIALBACK;
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

    /** Runs every target of the options, the engine first, and returns their results in that order. */
    public List<TargetResult> run() throws IOException {
        List<TargetResult> results = new ArrayList<>();
        try (PeerNetwork network = PeerNetwork.start(options.runDir(), plans());
             S2sEngine sender = EngineHost.start(SENDER_DOMAIN, network.address(SENDER_DOMAIN), network.dns(),
                     Optional.of(secret), bounce -> bounces.incrementAndGet())) {
            long pacedRate = 0;
            for (BenchOptions.TargetKind kind : options.targets()) {
                progress.accept("starting " + kind);
                try (Target target = open(kind, network)) {
                    TargetResult result = measure(target, pacedRate);
                    results.add(result);
                    if (kind == BenchOptions.TargetKind.ENGINE) {
                        pacedRate = Math.max(1, (long) (result.full().deliveredPerSecond() / 2));
                    }
                }
            }
            if (bounces.get() > 0) {
                progress.accept(bounces.get() + " stanzas came back to the sender as errors");
            }
        }
        return results;
    }

    private List<DomainPlan> plans() {
        List<DomainPlan> plans = new ArrayList<>();
        plans.add(DomainPlan.serverUnderTest(SENDER_DOMAIN, EngineHost.S2S_PORT));
        for (BenchOptions.TargetKind kind : options.targets()) {
            plans.add(switch (kind) {
                case ENGINE -> DomainPlan.serverUnderTest(ENGINE_DOMAIN, EngineHost.S2S_PORT);
                case PROSODY -> ProsodyPeer.plan(PROSODY_DOMAIN, SECURITY);
                case EJABBERD -> EjabberdPeer.plan(EJABBERD_DOMAIN, SECURITY);
            });
        }
        return plans;
    }

    private Target open(BenchOptions.TargetKind kind, PeerNetwork network) {
        return switch (kind) {
            case ENGINE -> options.engineJvm() == BenchOptions.EngineJvm.OWN
                    ? new EngineProcessTarget(ENGINE_DOMAIN, network.address(ENGINE_DOMAIN), network.dns(),
                    options.runDir().resolve("engine.log"))
                    : new EngineTarget(ENGINE_DOMAIN, network.address(ENGINE_DOMAIN), network.dns());
            case PROSODY -> new PeerTarget("Prosody", new ProsodyPeer(network, PROSODY_DOMAIN, SECURITY, ca(network)), network);
            case EJABBERD -> new PeerTarget("ejabberd", new EjabberdPeer(network, EJABBERD_DOMAIN, SECURITY, ca(network)), network);
        };
    }

    /** The peers' configs name a CA file even without TLS. */
    private static TestCa ca(PeerNetwork network) {
        return TestCa.create(network.runDir().resolve("ca"));
    }

    private TargetResult measure(Target target, long engineRate) throws IOException {
        try (DialbackStream stream = DialbackStream.open(target.s2sAddress(), SENDER_DOMAIN, target.domain(), keys, HANDSHAKE)) {
            stream.watch();
            LoadSender sender = new LoadSender(stream, new MessageStanzas("gen@" + SENDER_DOMAIN + "/load", target.recipient()));
            if (options.warmup() > 0) {
                report(target, "warm-up", run(target, sender, options.warmup(), Pace.FULL));
            }
            RunResult full = report(target, "full", run(target, sender, options.stanzas(), Pace.FULL));
            // without the engine's figure, half of this target's own rate keeps the paced run meaningful
            long rate = engineRate > 0 ? engineRate : Math.max(1, (long) (full.deliveredPerSecond() / 2));
            long count = Math.max(1, rate * options.pacedFor().toMillis() / 1000);
            RunResult paced = report(target, "paced", run(target, sender, count, Pace.perSecond(rate)));
            IdleMemory memory = idle(target);
            progress.accept(target.name() + ": " + memory.bytesPerStream() + " bytes per idle stream ("
                    + memory.after().primaryKind() + ")");
            return new TargetResult(target.name(), full, paced, memory, target.note());
        }
    }

    private RunResult run(Target target, LoadSender sender, long count, Pace pace) throws IOException {
        target.reset();
        SendResult send = sender.send(count, pace, options.sendLimit());
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

    /** Opens the idle streams one after the other, each authenticated by its own dialback, and reads the cost. */
    private IdleMemory idle(Target target) throws IOException {
        pause(SETTLE);
        MemorySample before = target.memory();
        List<DialbackStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < options.idleStreams(); i++) {
                streams.add(DialbackStream.open(target.s2sAddress(), SENDER_DOMAIN, target.domain(), keys, HANDSHAKE));
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
