package dev.parley.bench.target;

import dev.parley.bench.delivery.DeliverySnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Parley's engine in a JVM of its own ({@link EngineTargetMain}), as fair as the peers, which are processes of their
 * own too: its heap holds only the engine, and the generator's threads do not share its JIT or its collector.
 * Latencies stay comparable because both JVMs read the same {@code CLOCK_MONOTONIC}.
 */
public final class EngineProcessTarget implements Target {

    /** A fixed heap, so that the figures do not depend on how much memory the machine happens to have. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");
    /** Extra options for the engine's JVM only, e.g. to record a flight recording: space-separated. */
    public static final String EXTRA_OPTIONS_PROPERTY = "parley.bench.engine-jvm-options";

    private final String domain;
    private final InetSocketAddress address;
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    public EngineProcessTarget(String domain, InetAddress bind, InetSocketAddress dns, Optional<EngineTls> tls, Path log) {
        this.domain = domain;
        this.address = new InetSocketAddress(bind, EngineHost.S2S_PORT);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String extra = System.getProperty(EXTRA_OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineTargetMain.class.getName(), domain,
                bind.getHostAddress(), dns.getAddress().getHostAddress(), String.valueOf(dns.getPort())));
        tls.ifPresent(settings -> command.addAll(settings.arguments()));
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the engine's JVM", e);
        }
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = readAnswer();
        while (ready.startsWith("[")) {
            // unified JVM logging (e.g. a flight recording starting) writes to stdout before the engine does
            ready = readAnswer();
        }
        if (!EngineTargetMain.READY.equals(ready)) {
            close();
            throw new IllegalStateException("the engine's JVM did not start (said " + ready + "); see " + log);
        }
    }

    private synchronized String ask(String command) {
        commands.println(command);
        return readAnswer();
    }

    private String readAnswer() {
        try {
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("the engine's JVM exited");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("lost the engine's JVM", e);
        }
    }

    @Override
    public String name() {
        return "Parley engine (own JVM)";
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public InetSocketAddress s2sAddress() {
        return address;
    }

    @Override
    public String recipient() {
        return "sink@" + domain + "/bench";
    }

    @Override
    public void reset() {
        ask("reset");
    }

    @Override
    public long delivered() {
        return Long.parseLong(ask("count"));
    }

    @Override
    public DeliverySnapshot snapshot() {
        return DeliverySnapshot.fromLine(ask("snapshot"));
    }

    @Override
    public MemorySample memory() {
        String[] figures = ask("memory").split(" ");
        return new MemorySample(Long.parseLong(figures[0]), Long.parseLong(figures[1]));
    }

    @Override
    public String note() {
        return "JVM " + String.join(" ", JVM_OPTIONS);
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
