package dev.parley.domain.model.authorization;

import java.util.List;

/**
 * What importing a CSV file of authorizations does, or did: each entry of the file with what becomes of it.
 * Authorizations the file does not mention stay as they are.
 *
 * @param applied whether the changes were made (false for a dry run)
 */
public record AuthorizationImport(List<Line> lines, boolean applied) {

    public AuthorizationImport {
        lines = List.copyOf(lines);
    }

    /** What becomes of one entry. */
    public enum Action { ADD, CHANGE, UNCHANGED, INVALID }

    /**
     * @param line    the line of the file the entry starts on
     * @param pattern the pattern as the file gives it
     * @param detail  what is added, what changes from what to what, or what is wrong
     */
    public record Line(int line, String pattern, Action action, String detail) {
    }

    public long count(Action action) {
        return lines.stream().filter(line -> line.action() == action).count();
    }
}
