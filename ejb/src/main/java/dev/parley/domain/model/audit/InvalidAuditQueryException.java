package dev.parley.domain.model.audit;

import java.util.List;

/** An audit search that cannot be run, with what was wrong in each of its fields. */
public class InvalidAuditQueryException extends Exception {

    private final List<String> problems;

    public InvalidAuditQueryException(List<String> problems) {
        super("Invalid audit query: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
