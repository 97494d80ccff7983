package dev.parley.bench;

import java.util.List;
import java.util.Locale;

/** The results as Markdown tables: throughput and latency per run, then memory per idle stream. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String markdown(List<TargetResult> results) {
        StringBuilder text = new StringBuilder();
        text.append("| target | streams | run | sent | accepted stanzas/s | delivered stanzas/s | p50 ms | p90 ms | p99 ms"
                + " | max ms | exactly once, in order |\n");
        text.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (TargetResult result : results) {
            row(text, result, result.full());
            row(text, result, result.paced());
        }
        text.append("\n| target | streams | idle authenticated streams | memory per idle stream | RSS per idle stream"
                + " | notes |\n");
        text.append("|---|---|---:|---:|---:|---|\n");
        for (TargetResult result : results) {
            IdleMemory memory = result.memory();
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %s (%s) | %s | %s |\n", result.name(),
                    result.mode().label(), memory.streams(), kib(memory.bytesPerStream()), memory.after().primaryKind(),
                    kib(memory.rssPerStream()), result.note()));
        }
        return text.toString();
    }

    private static void row(StringBuilder text, TargetResult result, RunResult run) {
        text.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f | %s |\n",
                result.name(), result.mode().label(), run.pace().isFull() ? "full speed" : "paced " + String.format(Locale.ROOT, "%,d/s", run.pace().perSecond()),
                run.send().sent(), run.send().acceptedPerSecond(), run.deliveredPerSecond(), run.latencyMillis(50),
                run.latencyMillis(90), run.latencyMillis(99), run.maxLatencyMillis(),
                run.exactlyOnceInOrder() ? "yes" : "no: " + run.delivery().delivered() + " delivered, "
                        + run.delivery().duplicates() + " twice, " + run.delivery().outOfOrder() + " out of order"));
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
