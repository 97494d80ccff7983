package dev.parley.application;

import java.util.List;

/** A message a user cannot send as it is; nothing was sent. */
public class InvalidMessageException extends Exception {

    private final List<String> problems;

    public InvalidMessageException(List<String> problems) {
        super("Invalid message: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
