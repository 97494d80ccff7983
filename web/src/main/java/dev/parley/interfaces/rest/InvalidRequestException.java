package dev.parley.interfaces.rest;

import java.util.List;

/** A request whose content the API cannot accept, with every reason at once. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
