package dev.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bench/RESULTS.md}: the tables with the command, the machine, the date and what is and is not measured. */
final class ResultsReport {

    private ResultsReport() {
    }

    static void write(Path file, String tables, String targets, String command, BenchOptions options)
            throws IOException {
        String text = "# S2S load benchmark results\n\n"
                + "Produced by `" + command + "` on " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                + ".\n\n"
                + tables + "\n"
                + (targets.isEmpty() ? "" : "## The engine against the targets (this run)\n\n" + targets + "\n")
                + "## Machine\n\n" + machine() + "\n"
                + "## What is measured\n\n"
                + "- One authenticated S2S stream from `load.test` per target; the generator writes ~250-byte chat"
                + " messages to it with blocking writes (64 KiB send buffer), so *accepted* is the rate at which the target"
                + " took the stream off the socket. *Delivered* counts distinct stanzas from the first write to the last"
                + " arrival: at the engine's `StanzaListener`, or at a user logged in to the peer over a raw client"
                + " stream (its reader's CPU time is in the notes, to show it was not the limit).\n"
                + "- Streams: *STARTTLS + dialback* negotiates STARTTLS (the generator uses the JDK's TLS, TLS 1.3 where"
                + " both sides can, no client certificate) and then authenticates by dialback; the target's dialback"
                + " verification back to `load.test` runs over TLS too. The engine presents a test-CA certificate under"
                + " `REQUIRED_IGNORE_CERT_ERRORS`; Prosody and ejabberd run the harness's `STARTTLS_SELF_SIGNED_DIALBACK`."
                + " *plaintext dialback* is the same without TLS (`NO_TLS_DIALBACK`).\n"
                + "- Each target runs alone: " + String.format("%,d", options.warmup()) + " unmeasured stanzas first (at"
                + " most " + options.warmupLimit().toSeconds() + " s), then " + String.format("%,d", options.stanzas())
                + " at full speed (at most " + options.sendLimit().toSeconds() + " s of sending), then "
                + options.pacedFor().toMillis() / 1000.0 + " s at " + (options.pacedRate() > 0
                ? String.format("%,d stanzas/s (half the 100,000/s target)", options.pacedRate())
                : "half the engine's full delivered rate of the same mode") + "; after each, at most " + options.drainLimit().toSeconds() + " s of waiting for the rest."
                + " Latency is from the stamp in the body to arrival (HdrHistogram); at a fixed pace the stamp is"
                + " when the stanza was due, so a target that falls behind shows it. Both JVMs read the same"
                + " `CLOCK_MONOTONIC`.\n"
                + "- Memory: " + options.idleStreams() + " more streams from `load.test`, each secured and authenticated"
                + " as above, left idle; heap after GC for the engine (own JVM), RSS of the processes for the peers,"
                + " divided by the number of streams.\n"
                + "- The engine's RSS per idle stream (second memory column) includes the JVM committing more of its fixed"
                + " heap as it runs; the heap after GC is the engine's own cost per stream, and what the target is checked"
                + " against.\n"
                + "- The peers log at `" + options.peerLogLevel() + "` level (`-Dparley.peers.log-level`; the tests keep"
                + " debug).\n"
                + "- Not measured: streams from many sender domains, the engine's own outbound path at full speed (the"
                + " load bypasses it; see bench/README.md).\n";
        ResultsFile.replace(file, text);
    }

    private static String machine() {
        return "- " + Runtime.getRuntime().availableProcessors() + " processors (nproc), " + cpuModel() + "\n"
                + "- Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "- " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- Prosody " + packageVersion("prosody") + ", ejabberd " + packageVersion("ejabberd") + " (Debian)\n";
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String packageVersion(String name) {
        try {
            Process dpkg = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", name).redirectErrorStream(true).start();
            String version = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return dpkg.waitFor(10, TimeUnit.SECONDS) && dpkg.exitValue() == 0 ? version : "(not installed)";
        } catch (IOException e) {
            return "(unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }
}
