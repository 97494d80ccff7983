package dev.parley.bench.history;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The history benchmark's section of {@code bench/RESULTS.md}, which replaces that of an earlier run
 * ({@link dev.parley.bench.ResultsFile}).
 */
public final class HistoryResults {

    /** The heading the section starts with. */
    static final String HEADING = "# Message history benchmark results";

    private HistoryResults() {
    }

    static String markdown(List<HistoryBenchmark.Timed> kinds, int users, int peers, long messages, long perConversation,
            int requests, String command) {
        StringBuilder text = new StringBuilder(HEADING).append("\n\nProduced by `").append(command).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(".\n\n")
                .append("| request | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (HistoryBenchmark.Timed kind : kinds) {
            text.append("| ").append(kind.what())
                    .append(" | ").append(millis(kind.micros().getValueAtPercentile(50)))
                    .append(" | ").append(millis(kind.micros().getValueAtPercentile(90)))
                    .append(" | ").append(millis(kind.micros().getValueAtPercentile(99)))
                    .append(" | ").append(millis(kind.micros().getMaxValue())).append(" |\n");
        }
        text.append("\n- Parley in its provisioned WildFly (H2 file database, the embedded default) with ")
                .append(String.format("%,d", messages)).append(" messages in `archived_stanza`, spread over ")
                .append(users).append(" local users with ").append(peers).append(" contacts each (at least ")
                .append(perConversation).append(" messages a conversation) and the last 300 days; written into the")
                .append(" database while the server was stopped, then read through the user API.\n")
                .append("- ").append(requests).append(" timed requests of each kind, one after the other from one")
                .append(" client on this machine, each as a random user (HTTP Basic) with a random contact, after ")
                .append(requests / 5).append(" unmeasured rounds; every answer is checked to hold ").append(50)
                .append(" messages. Times are from sending the request to the whole answer read.\n")
                .append("- `/api/user/me` reads no history: its time is what every request of the user API costs")
                .append(" (mostly checking the bcrypt password hash); the difference is the history's own.\n");
        return text.toString();
    }

    private static String millis(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
