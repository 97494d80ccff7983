package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator itself, on a tiny load against the engine in this JVM: it must still open an authenticated
 * stream and count every stanza exactly once, in order. The real benchmark never runs in the test build.
 */
class LoadGeneratorSmokeTest {

    @Test
    @Timeout(30)
    void deliversEveryStanzaExactlyOnceInOrderToTheEngine() throws Exception {
        BenchOptions options = new BenchOptions(List.of(BenchOptions.TargetKind.ENGINE), 1_000, 0,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5), 5, BenchOptions.EngineJvm.SAME,
                Path.of("target", "smoke", String.valueOf(System.nanoTime())).toAbsolutePath(), Optional.empty());

        List<TargetResult> results = new BenchmarkRun(options, line -> { }).run();

        assertThat(results).hasSize(1);
        TargetResult engine = results.get(0);
        assertThat(engine.full().send().sent()).isEqualTo(1_000);
        assertThat(engine.full().exactlyOnceInOrder()).as("full speed: %s", engine.full().delivery()).isTrue();
        assertThat(engine.paced().exactlyOnceInOrder()).as("paced: %s", engine.paced().delivery()).isTrue();
        assertThat(engine.memory().streams()).isEqualTo(5);
        assertThat(ResultsTable.markdown(results)).contains("| Parley engine (same JVM) | full speed | 1,000 |");
    }
}
