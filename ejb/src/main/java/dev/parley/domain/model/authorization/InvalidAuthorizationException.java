package dev.parley.domain.model.authorization;

import java.util.List;

/** A domain authorization change that breaks the rules; nothing of it was applied. */
public class InvalidAuthorizationException extends Exception {

    private final List<String> problems;

    public InvalidAuthorizationException(List<String> problems) {
        super("Invalid domain authorization: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
