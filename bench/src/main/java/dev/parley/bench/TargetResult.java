package dev.parley.bench;

/**
 * Everything measured on one target.
 *
 * @param name   the target as the table names it
 * @param mode   how its streams were secured
 * @param full   the full-speed run
 * @param paced  the run at the fixed pace
 * @param memory the idle streams' cost
 * @param note   how the target was measured, e.g. its JVM options or the client reader's CPU time
 */
public record TargetResult(String name, StreamMode mode, RunResult full, RunResult paced, IdleMemory memory, String note) {
}
