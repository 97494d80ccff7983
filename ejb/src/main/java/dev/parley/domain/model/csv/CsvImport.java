package dev.parley.domain.model.csv;

import java.util.List;

/**
 * What importing a CSV file does, or did: each entry of the file (an authorization, a user) with what becomes of it.
 * Entries the file does not mention stay as they are.
 *
 * @param applied whether the changes were made (false for a dry run)
 */
public record CsvImport(List<Line> lines, boolean applied) {

    public CsvImport {
        lines = List.copyOf(lines);
    }

    /** What becomes of one entry. */
    public enum Action { ADD, CHANGE, UNCHANGED, INVALID }

    /**
     * @param line   the line of the file the entry starts on
     * @param entry  what names the entry, as the file gives it: a domain pattern, a user name
     * @param detail what is added, what changes, or what is wrong
     */
    public record Line(int line, String entry, Action action, String detail) {
    }

    public long count(Action action) {
        return lines.stream().filter(line -> line.action() == action).count();
    }

    /** The invalid lines, one sentence each with its line number; empty when the file can be applied. */
    public List<String> invalidLines() {
        return lines.stream().filter(line -> line.action() == Action.INVALID)
                .map(line -> "line " + line.line() + ": " + line.detail()).toList();
    }

    /** Whether applying the file changes something and no line is invalid. */
    public boolean applicable() {
        return count(Action.INVALID) == 0 && count(Action.ADD) + count(Action.CHANGE) > 0;
    }

    /** How many entries are added, changed and unchanged, in a sentence. */
    public String summary() {
        return count(Action.ADD) + " added, " + count(Action.CHANGE) + " changed, " + count(Action.UNCHANGED)
                + " unchanged";
    }
}
