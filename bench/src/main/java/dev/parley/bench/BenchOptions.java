package dev.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run does. Every figure is bounded, so that a run always ends by itself.
 *
 * @param targets       which servers, in order; the engine first, since its full rate sets the paced rate
 * @param modes         how the streams are secured, each mode a round of all targets on a network of its own
 * @param stanzas       stanzas of the full-speed run per target
 * @param warmup        stanzas sent and not measured before it (JIT, buffers, caches), for at most
 *                      {@link #warmupLimit()}
 * @param pacedFor      how long the paced run lasts
 * @param pacedRate     the paced run's stanzas per second, the same for every target; 0 for half the engine's full
 *                      delivered rate in the same mode
 * @param sendLimit     the longest any run may send; slower targets get fewer stanzas
 * @param drainLimit    how long to wait after sending for the rest to arrive
 * @param idleStreams   authenticated streams opened and left idle to measure memory per stream
 * @param engineJvm     the engine in a JVM of its own (fair) or in the generator's (quick, for the smoke test)
 * @param peerLogLevel  the peers' log level ({@code dev.parley.it.peers.PeerLogLevel}); the tests' debug level
 *                      costs them throughput
 * @param runDir        where the peers and the engine's JVM keep configs and logs
 * @param results       the Markdown report to write, if any
 */
public record BenchOptions(List<TargetKind> targets, List<StreamMode> modes, long stanzas, long warmup,
                           Duration pacedFor, long pacedRate, Duration sendLimit, Duration drainLimit, int idleStreams,
                           EngineJvm engineJvm, String peerLogLevel, Path runDir, Optional<Path> results) {

    /** Where the engine runs. */
    public enum EngineJvm { OWN, SAME }

    /** Who receives the load. */
    public enum TargetKind { ENGINE, PROSODY, EJABBERD }

    /** The longest warm-up: enough for the JIT; a slow peer must not spend the run's time on it. */
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(8);

    static final String USAGE = """
            usage: java -jar bench/target/parley-bench.jar [options]
              --targets engine,prosody,ejabberd   servers to load, in this order (default all three)
              --security tls,plaintext   STARTTLS + dialback and/or plaintext dialback (default both, TLS first)
              --stanzas N          full-speed run per target (default 300000)
              --warmup N           unmeasured stanzas first, at most 8 s of them (default 100000)
              --paced-seconds S    paced run (default 10)
              --paced-rate N|half  its stanzas/s: half the 100,000/s target (default 50000), or half the
                                   engine's full delivered rate
              --send-limit S       longest a run may send (default 20)
              --drain-limit S      longest wait for the rest to arrive after sending (default 15)
              --idle-streams K     idle authenticated streams for memory per stream (default 200)
              --engine-jvm own|same  (default own)
              --peer-log-level L   debug, info, warning or error (default warning)
              --results FILE       Markdown report (default bench/RESULTS.md; 'none' for none)
            """;

    public BenchOptions {
        targets = List.copyOf(targets);
        modes = List.copyOf(modes);
        if (targets.isEmpty() || modes.isEmpty() || stanzas < 1 || warmup < 0 || pacedRate < 0 || idleStreams < 1) {
            throw new IllegalArgumentException("nothing to measure");
        }
    }

    /** The warm-up's time limit: {@link #sendLimit()}, but no more than 8 s. */
    public Duration warmupLimit() {
        return sendLimit.compareTo(WARMUP_LIMIT) < 0 ? sendLimit : WARMUP_LIMIT;
    }

    /** The options of the final measurement, changed by the arguments. */
    public static BenchOptions parse(String... args) {
        List<TargetKind> targets = List.of(TargetKind.values());
        List<StreamMode> modes = List.of(StreamMode.values());
        long stanzas = 300_000;
        long warmup = 100_000;
        Duration paced = Duration.ofSeconds(10);
        long pacedRate = 50_000;
        Duration sendLimit = Duration.ofSeconds(20);
        Duration drainLimit = Duration.ofSeconds(15);
        int idle = 200;
        EngineJvm jvm = EngineJvm.OWN;
        String peerLogLevel = "warning";
        Optional<Path> results = Optional.of(Path.of("bench", "RESULTS.md"));
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--targets" -> {
                    List<TargetKind> chosen = new ArrayList<>();
                    for (String name : value.split(",")) {
                        chosen.add(TargetKind.valueOf(name.trim().toUpperCase()));
                    }
                    targets = chosen;
                }
                case "--security" -> {
                    List<StreamMode> chosen = new ArrayList<>();
                    for (String name : value.split(",")) {
                        chosen.add(StreamMode.valueOf(name.trim().toUpperCase()));
                    }
                    modes = chosen;
                }
                case "--stanzas" -> stanzas = Long.parseLong(value);
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--paced-seconds" -> paced = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--paced-rate" -> pacedRate = value.equals("half") ? 0 : Long.parseLong(value);
                case "--send-limit" -> sendLimit = Duration.ofSeconds(Long.parseLong(value));
                case "--drain-limit" -> drainLimit = Duration.ofSeconds(Long.parseLong(value));
                case "--idle-streams" -> idle = Integer.parseInt(value);
                case "--engine-jvm" -> jvm = EngineJvm.valueOf(value.toUpperCase());
                case "--peer-log-level" -> peerLogLevel = value;
                case "--results" -> results = value.equals("none") ? Optional.empty() : Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(targets, modes, stanzas, warmup, paced, pacedRate, sendLimit, drainLimit, idle, jvm, peerLogLevel,
                newRunDir(), results);
    }

    private static Path newRunDir() {
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("bench", "target", "runs", id).toAbsolutePath();
    }
}
