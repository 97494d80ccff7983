package dev.parley.bench.deployed;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The deployed-path benchmark's section of {@code bench/RESULTS.md}. */
final class DeployedResults {

    private DeployedResults() {
    }

    /**
     * A row for stanzas counted at their arrival; {@code rate} NaN at a fixed pace (the load says it), {@code arrivals}
     * null where only the rate is known.
     */
    static String row(String path, String load, int arrived, int sent, double rate, Arrivals arrivals) {
        return "| " + path + " | " + load + " | " + String.format("%,d / %,d", arrived, sent) + " | "
                + (Double.isNaN(rate) ? "–" : String.format("%,.0f", rate)) + " | "
                + (arrivals == null ? "– | – |" : millis(arrivals.percentileMillis(50)) + " | "
                + millis(arrivals.percentileMillis(99)) + " |");
    }

    /**
     * A row whose latency is that of the pings (sent after stanzas, answered once those are on the queue; or pings
     * alone); {@code rate} NaN where none is measured.
     */
    static String pingRow(String path, String load, int sent, double rate, Histogram pingMicros) {
        synchronized (pingMicros) {
            return "| " + path + " | " + load + " | " + String.format("%,d / %,d", sent, sent) + " | "
                    + (Double.isNaN(rate) ? "–" : String.format("%,.0f", rate)) + " | "
                    + millis(pingMicros.getValueAtPercentile(50) / 1000.0) + " | "
                    + millis(pingMicros.getValueAtPercentile(99) / 1000.0) + " (" + pingMicros.getTotalCount()
                    + " pings) |";
        }
    }

    static String target(String what, boolean met, String measured) {
        return "- **" + (met ? "met" : "not met") + "**: " + what + ": " + measured;
    }

    static String markdown(String heading, String command, List<String> rows, List<String> targets,
                           List<String> compiling, int stanzas, int pacedSeconds) {
        return heading + "\n\nProduced by `" + command + "` on "
                + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + ".\n\n"
                + "| path | load | arrived / sent | stanzas/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n"
                + String.join("\n", rows) + "\n\n"
                + "## Against the targets (this run)\n\n" + String.join("\n", targets) + "\n\n"
                + "## What is measured\n\n"
                + "- Parley in its provisioned WildFly (H2 file database, Artemis' NIO journal, persistent messages), on"
                + " this machine with the benchmark and the remote server (`peer.bench.test`, an S2S engine in the"
                + " benchmark's JVM) beside it; every stream between them in TLS (STARTTLS; Parley's self-signed"
                + " certificate, the remote server's from a test CA, neither judged) and authenticated by dialback.\n"
                + "- Outbound: 4 threads of an application put chat messages from 10 local users on"
                + " `ParleyToFederation` over the Artemis client (HTTP upgrade), committing every 100; arrival is at"
                + " the remote server. " + String.format("%,d", stanzas) + " at full speed after warm-up rounds of "
                + String.format("%,d", Math.min(DeployedPathBenchmark.OUTBOUND_WARM_UP, stanzas)) + " unmeasured,"
                + " then " + pacedSeconds + " s at half the target rate; latency from the stamp in the body (when"
                + " the message was due) to arrival.\n"
                + "- Inbound: the remote server writes messages from 100 of its users to the 10 local users on one"
                + " authenticated stream as fast as Parley reads it (Parley slows it down while its queue catches up),"
                + " after warm-up rounds of "
                + String.format("%,d", Math.min(DeployedPathBenchmark.INBOUND_WARM_UP, stanzas))
                + " unmeasured, each delivered."
                + " *On the JMS queue* is the rate until Parley answered a ping sent after the last one, which it"
                + " does only once every stanza before it is on its queue; at a fixed pace, the latency column is"
                + " that of a ping every 100 ms, i.e. how long until what was sent before it was safe. *Delivered to"
                + " local users* counts the copies an application subscribed to `ParleyFromFederationFeed` gets"
                + " once a user's message is stored; latency from the stamp to that copy.\n"
                + "- Pings: the remote server then pipelines XEP-0199 pings to Parley's domain on the same stream, which"
                + " Parley's engine answers itself, over its own stream to the remote server, after warm-up rounds of "
                + String.format("%,d", DeployedPathBenchmark.PING_WARM_UP) + " unmeasured;"
                + " the rate from the first written to the last answer, the latency that of each ping.\n"
                + "- At full speed the latency columns say how long stanzas queued behind each other, not what a user"
                + " waits at a normal pace; the paced rows say that. They run at half the issue's target rate, where"
                + " its latency targets are set (\"p99 … at half that rate\"): "
                + String.format("%,d", DeployedPathBenchmark.STANZAS_PER_SECOND_TARGET / 2) + " stanzas/s each way, "
                + String.format("%,d", DeployedPathBenchmark.PINGS_PER_SECOND_TARGET / 2) + " pings/s.\n"
                + "- Each path's unmeasured stanzas are a warm-up round, repeated (at most "
                + DeployedPathBenchmark.MOST_WARM_UP_ROUNDS + " times) until the server's JIT compiler threads were busy"
                + " at most " + Math.round(DeployedPathBenchmark.COMPILERS_SETTLED * 100) + " % of one core in a round,"
                + " as on a server that has run for a while (their CPU time read from Linux's `/proc`). This run: "
                + String.join("; ", compiling) + ".\n";
    }

    private static String millis(double value) {
        return String.format("%.1f", value);
    }
}
