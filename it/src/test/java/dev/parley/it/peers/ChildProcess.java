package dev.parley.it.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One process the harness started (a peer server or the DNS): waits until it listens, explains failures with the
 * tail of its logs, and always stops it within a bound.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final List<Path> logs;
    private final long startedNanos = System.nanoTime();
    // A JVM that ends without closing (a killed build) must not leave servers behind on the loopback addresses.
    private final Thread killOnExit;

    private ChildProcess(String name, Process process, List<Path> logs) {
        this.name = name;
        this.process = process;
        this.logs = logs;
        this.killOnExit = new Thread(this::kill, "stop " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the command with its console output appended to the first log; the other logs are the files the
     * program writes itself, shown when it fails.
     */
    static ChildProcess start(String name, ProcessBuilder command, Path console, Path... ownLogs) {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        try {
            return new ChildProcess(name, command.start(), concat(console, ownLogs));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be started: " + command.command(), e);
        }
    }

    private static List<Path> concat(Path first, Path... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
    }

    /** Returns when every port accepts TCP connections; fails with the log tails when it dies or the time is up. */
    void awaitListening(InetAddress address, Duration timeout, int... ports) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : ports) {
            while (!accepts(address, port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " before listening on " + address.getHostAddress() + ":" + port + diagnostics());
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException(name + " did not listen on " + address.getHostAddress() + ":"
                            + port + " within " + timeout.toMillis() + " ms" + diagnostics());
                }
                pause();
            }
        }
        // timings on the test output, where failsafe keeps them per test class
        System.out.println(name + " ready in " + elapsedMillis(startedNanos) + " ms");
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a peer", e);
        }
    }

    /** The last lines of each log, for assertion messages. */
    String diagnostics() {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("\n--- last lines of ").append(log).append(" ---\n").append(tail(log));
        }
        return text.toString();
    }

    private static String tail(Path log) {
        if (!Files.exists(log)) {
            return "(not written)";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGSTOP to it and the processes it spawned: the server hangs, as one stuck in a loop or swapped out would. The
     * kernel still accepts connections and buffers what arrives on them, but nothing is read or answered until it is
     * killed.
     */
    void freeze() {
        signal("STOP", "freeze");
    }

    /** SIGCONT after {@link #freeze}: the server goes on where it stopped, with what the kernel kept meanwhile. */
    void thaw() {
        signal("CONT", "thaw");
    }

    private void signal(String signal, String what) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process stop = new ProcessBuilder(command).inheritIO().start();
            if (!stop.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS) || stop.exitValue() != 0) {
                throw new IllegalStateException("could not " + what + " " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what + " " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what + " " + name, e);
        }
    }

    /** SIGKILL at once, as a crash or a pulled plug would end it: nothing it holds is written out. */
    void killAbruptly() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or about to; nothing left to undo
        }
    }

    /** SIGTERM, then SIGKILL after a bound; the children it spawned go too. */
    @Override
    public void close() {
        long stopping = System.nanoTime();
        kill();
        System.out.println(name + " stopped in " + elapsedMillis(stopping) + " ms");
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or about to; nothing left to undo
        }
    }

    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static long elapsedMillis(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }
}
