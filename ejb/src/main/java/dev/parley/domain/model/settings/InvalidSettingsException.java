package dev.parley.domain.model.settings;

import java.util.List;

/** A settings change that breaks the rules; nothing of it was applied. */
public class InvalidSettingsException extends Exception {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid federation settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
