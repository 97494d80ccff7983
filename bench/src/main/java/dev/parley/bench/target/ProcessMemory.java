package dev.parley.bench.target;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Memory figures from Linux's {@code /proc} and the JVM's own heap. */
final class ProcessMemory {

    private static final Path PROC = Path.of("/proc");
    private static final int COLLECTIONS = 3;

    private ProcessMemory() {
    }

    /** The total RSS of every process whose command line mentions {@code marker}, e.g. a peer's own folder. */
    static long rssOfProcessesMentioning(String marker) {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> commandLine(dir).contains(marker))
                    .mapToLong(ProcessMemory::rss)
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    /** This JVM's RSS. */
    static long ownRss() {
        return rss(PROC.resolve(String.valueOf(ProcessHandle.current().pid())));
    }

    /** Heap in use after a few full collections, so that garbage does not count as what streams hold. */
    static long heapAfterGc() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while collecting", e);
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String commandLine(Path processDir) {
        try {
            return new String(Files.readAllBytes(processDir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException processGone) {
            return "";
        }
    }

    private static long rss(Path processDir) {
        try {
            for (String line : Files.readAllLines(processDir.resolve("status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        } catch (IOException processGone) {
            return 0;
        }
    }
}
