package dev.parley.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time the JIT compiler threads of a JVM on this (Linux) machine have used, read from {@code /proc}: a
 * benchmark warms a server up until they are nearly idle, as on a server that has run for a while, rather than measure
 * the compilers' work along with the server's.
 */
public final class CompilerThreads {

    /** Linux's clock ticks per second, in which {@code /proc} counts CPU time (USER_HZ, 100 on every Linux build). */
    private static final int TICKS_PER_SECOND = 100;
    /** The names HotSpot gives its compiler threads, as {@code /proc} shortens them to 15 characters. */
    private static final String C1 = "C1 CompilerThre";
    private static final String C2 = "C2 CompilerThre";

    private final Path tasks;

    /** The compiler threads of the JVM with process id {@code pid}. */
    public CompilerThreads(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** User and system CPU time of the compiler threads so far, in milliseconds. */
    public long cpuMillis() {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(CompilerThreads::compiles).mapToLong(CompilerThreads::ticks).sum() * 1000
                    / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the threads of " + tasks.getParent(), e);
        }
    }

    private static boolean compiles(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            return name.startsWith(C1) || name.startsWith(C2);
        } catch (IOException ended) {
            return false;
        }
    }

    private static long ticks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            // After the name in parentheses, which may hold spaces: state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException ended) {
            return 0;
        }
    }
}
