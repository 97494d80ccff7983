package dev.parley.domain.model.user;

import java.util.List;

/** A local user change that breaks the rules; nothing of it was applied. */
public class InvalidUserException extends Exception {

    private final List<String> problems;

    public InvalidUserException(List<String> problems) {
        super("Invalid user: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
