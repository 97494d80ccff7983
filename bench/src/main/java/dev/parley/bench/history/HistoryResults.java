package dev.parley.bench.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The history benchmark's section of {@code bench/RESULTS.md}: it replaces the section of an earlier run and leaves
 * the rest of the file, the S2S load benchmark's, as it is (which keeps this section in turn).
 */
public final class HistoryResults {

    /** The heading the section starts with; it runs to the end of the file. */
    public static final String HEADING = "# Message history benchmark results";

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

    /** Writes {@code section} into {@code file} in place of an earlier one, or at its end. */
    static void replaceSection(Path file, String section) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int at = existing.indexOf(HEADING);
        String kept = (at < 0 ? existing : existing.substring(0, at)).stripTrailing();
        Files.writeString(file, (kept.isEmpty() ? "" : kept + "\n\n") + section, StandardCharsets.UTF_8);
    }

    /** The section of an earlier run in {@code text}, to keep when the rest of the file is written anew; "" if none. */
    public static String sectionIn(String text) {
        int at = text.indexOf(HEADING);
        return at < 0 ? "" : text.substring(at);
    }

    private static String millis(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
