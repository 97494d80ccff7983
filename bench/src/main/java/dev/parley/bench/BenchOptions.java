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
 * @param targets     which servers, in order; the engine first, since its full rate sets the paced rate
 * @param stanzas     stanzas of the full-speed run per target
 * @param warmup      stanzas sent and not measured before it (JIT, buffers, caches)
 * @param pacedFor    how long the paced run lasts, at half the engine's full delivered rate
 * @param sendLimit   the longest any run may send; slower targets get fewer stanzas
 * @param drainLimit  how long to wait after sending for the rest to arrive
 * @param idleStreams authenticated streams opened and left idle to measure memory per stream
 * @param engineJvm   the engine in a JVM of its own (fair) or in the generator's (quick, for the smoke test)
 * @param runDir      where the peers and the engine's JVM keep configs and logs
 * @param results     the Markdown report to write, if any
 */
public record BenchOptions(List<TargetKind> targets, long stanzas, long warmup, Duration pacedFor, Duration sendLimit,
                           Duration drainLimit, int idleStreams, EngineJvm engineJvm, Path runDir,
                           Optional<Path> results) {

    /** Where the engine runs. */
    public enum EngineJvm { OWN, SAME }

    /** Who receives the load. */
    public enum TargetKind { ENGINE, PROSODY, EJABBERD }

    static final String USAGE = """
            usage: java -jar bench/target/parley-bench.jar [options]
              --targets engine,prosody,ejabberd   servers to load, in this order (default all three)
              --stanzas N          full-speed run per target (default 1000000)
              --warmup N           unmeasured stanzas first (default 200000)
              --paced-seconds S    paced run at half the engine's full rate (default 10)
              --send-limit S       longest a run may send (default 30)
              --idle-streams K     idle authenticated streams for memory per stream (default 200)
              --engine-jvm own|same  (default own)
              --results FILE       Markdown report (default bench/RESULTS.md; 'none' for none)
            """;

    public BenchOptions {
        targets = List.copyOf(targets);
        if (targets.isEmpty() || stanzas < 1 || warmup < 0 || idleStreams < 1) {
            throw new IllegalArgumentException("nothing to measure");
        }
    }

    /** The options of the final measurement, changed by the arguments. */
    public static BenchOptions parse(String... args) {
        List<TargetKind> targets = List.of(TargetKind.values());
        long stanzas = 1_000_000;
        long warmup = 200_000;
        Duration paced = Duration.ofSeconds(10);
        Duration sendLimit = Duration.ofSeconds(30);
        int idle = 200;
        EngineJvm jvm = EngineJvm.OWN;
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
                case "--stanzas" -> stanzas = Long.parseLong(value);
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--paced-seconds" -> paced = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--send-limit" -> sendLimit = Duration.ofSeconds(Long.parseLong(value));
                case "--idle-streams" -> idle = Integer.parseInt(value);
                case "--engine-jvm" -> jvm = EngineJvm.valueOf(value.toUpperCase());
                case "--results" -> results = value.equals("none") ? Optional.empty() : Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(targets, stanzas, warmup, paced, sendLimit, Duration.ofSeconds(30), idle, jvm,
                newRunDir(), results);
    }

    private static Path newRunDir() {
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("bench", "target", "runs", id).toAbsolutePath();
    }
}
