package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator itself, on a tiny load against the engine in this JVM, over STARTTLS and in plaintext: it must
 * still open an authenticated stream and count every stanza exactly once, in order. The real benchmark never runs
 * in the test build.
 */
class LoadGeneratorSmokeTest {

    @Test
    @Timeout(60)
    void deliversEveryStanzaExactlyOnceInOrderToTheEngineOverTlsAndPlaintext() throws Exception {
        BenchOptions options = new BenchOptions(List.of(BenchOptions.TargetKind.ENGINE), List.of(StreamMode.values()),
                1_000, 0, Duration.ofMillis(200), 0, Duration.ofSeconds(5), Duration.ofSeconds(5), 5,
                BenchOptions.EngineJvm.SAME, "debug",
                Path.of("target", "smoke", String.valueOf(System.nanoTime())).toAbsolutePath(), Optional.empty());

        List<TargetResult> results = new BenchmarkRun(options, line -> { }).run();

        assertThat(results).extracting(TargetResult::mode).containsExactly(StreamMode.TLS, StreamMode.PLAINTEXT);
        for (TargetResult engine : results) {
            assertThat(engine.full().send().sent()).isEqualTo(1_000);
            assertThat(engine.full().exactlyOnceInOrder()).as("%s full speed: %s", engine.mode(), engine.full().delivery())
                    .isTrue();
            assertThat(engine.paced().exactlyOnceInOrder()).as("%s paced: %s", engine.mode(), engine.paced().delivery())
                    .isTrue();
            assertThat(engine.memory().streams()).isEqualTo(5);
        }
        assertThat(ResultsTable.markdown(results))
                .contains("| Parley engine (same JVM) | STARTTLS + dialback | full speed | 1,000 |")
                .contains("| Parley engine (same JVM) | plaintext dialback | full speed | 1,000 |");
    }
}
