package dev.parley.domain.model.user;

import java.util.List;

/**
 * What importing a CSV file of users does, or did: each user of the file with what becomes of them. Users the file
 * does not mention stay as they are.
 *
 * @param applied whether the changes were made (false for a dry run)
 */
public record UserImport(List<Line> lines, boolean applied) {

    public UserImport {
        lines = List.copyOf(lines);
    }

    /** What becomes of one user. */
    public enum Action { ADD, CHANGE, UNCHANGED, INVALID }

    /**
     * @param line     the line of the file the user starts on
     * @param userName the user name as the file gives it
     * @param detail   what is added, what changes, or what is wrong
     */
    public record Line(int line, String userName, Action action, String detail) {
    }

    public long count(Action action) {
        return lines.stream().filter(line -> line.action() == action).count();
    }
}
