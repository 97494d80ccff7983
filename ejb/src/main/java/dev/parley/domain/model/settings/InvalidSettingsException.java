package dev.parley.domain.model.settings;

import java.util.List;

/** A settings change that breaks the rules; nothing of it was applied. */
public class InvalidSettingsException extends Exception {

    private final List<SettingsProblem> problems;

    public InvalidSettingsException(List<SettingsProblem> problems) {
        super("Invalid federation settings: " + String.join("; ", texts(problems)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return texts(problems);
    }

    /** Every problem with the setting it is about. */
    public List<SettingsProblem> settingsProblems() {
        return problems;
    }

    private static List<String> texts(List<SettingsProblem> problems) {
        return problems.stream().map(SettingsProblem::text).toList();
    }
}
