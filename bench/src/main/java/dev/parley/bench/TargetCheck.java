package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets for the engine over one TLS stream, checked against a run's results, so that the report says
 * plainly what is met and what is not: at least 100,000 message stanzas/s delivered at full speed, p99 latency at
 * most 2 ms when paced at half that rate, at most 50 KiB per idle authenticated TLS stream, and ahead of Prosody and
 * ejabberd on throughput.
 */
final class TargetCheck {

    static final double MIN_STANZAS_PER_SECOND = 100_000;
    static final long PACED_RATE = 50_000;
    static final double MAX_P99_MILLIS = 2.0;
    static final long MAX_IDLE_BYTES = 50 * 1024;

    private TargetCheck() {
    }

    /** One line per target, Markdown bullets; empty when the run had no engine over TLS. */
    static String markdown(List<TargetResult> results) {
        Optional<TargetResult> engine = results.stream()
                .filter(result -> result.mode() == StreamMode.TLS && result.name().startsWith("Parley engine")).findFirst();
        if (engine.isEmpty()) {
            return "";
        }
        TargetResult tls = engine.get();
        List<String> lines = new ArrayList<>();
        double rate = tls.full().deliveredPerSecond();
        lines.add(line(rate >= MIN_STANZAS_PER_SECOND, String.format(Locale.ROOT,
                "≥ 100,000 stanzas/s over one TLS stream: %,.0f delivered/s at full speed", rate)));
        if (tls.paced().pace().perSecond() == PACED_RATE) {
            double p99 = tls.paced().latencyMillis(99);
            lines.add(line(p99 <= MAX_P99_MILLIS, String.format(Locale.ROOT,
                    "p99 ≤ 2 ms at 50,000 stanzas/s: %.2f ms", p99)));
        } else {
            lines.add("- not checked: p99 at 50,000 stanzas/s (the paced run used another rate; `--paced-rate 50000`)");
        }
        long idle = tls.memory().bytesPerStream();
        lines.add(line(idle <= MAX_IDLE_BYTES, String.format(Locale.ROOT,
                "≤ 50 KiB per idle authenticated TLS stream: %.1f KiB (%s)", idle / 1024.0, tls.memory().after().primaryKind())));
        for (TargetResult peer : results) {
            if (peer.mode() == StreamMode.TLS && peer != tls) {
                double theirs = peer.full().deliveredPerSecond();
                lines.add(line(rate > theirs, String.format(Locale.ROOT,
                        "ahead of %s over TLS: %,.0f against %,.0f delivered/s (%.1f×)", peer.name(), rate, theirs,
                        rate / Math.max(1, theirs))));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String line(boolean met, String text) {
        return "- " + (met ? "**met**" : "**not met**") + ": " + text;
    }
}
