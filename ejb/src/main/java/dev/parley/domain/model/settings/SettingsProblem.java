package dev.parley.domain.model.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a settings change, worded for an administrator, and the setting it is about, so that a form
 * can show it next to that field.
 *
 * @param field empty when the problem is about the settings together (the engine cannot run with them, say)
 */
public record SettingsProblem(Optional<SettingsField> field, String text) {

    public SettingsProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
    }

    public static SettingsProblem of(SettingsField field, String text) {
        return new SettingsProblem(Optional.of(field), text);
    }

    public static SettingsProblem general(String text) {
        return new SettingsProblem(Optional.empty(), text);
    }
}
