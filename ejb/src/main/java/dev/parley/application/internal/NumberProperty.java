package dev.parley.application.internal;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A whole number read from a system property: a value that is no whole number in range is reported and replaced by
 * the default, so that a typo never purges data or stops a purge.
 */
final class NumberProperty {

    private NumberProperty() {
    }

    /**
     * @param properties the property source, {@code System::getProperty} in the server
     * @param warnings   told in a sentence when the value is not usable
     * @param unit       what the number counts, for the warning: "days", "entries"
     */
    static long read(Function<String, String> properties, Consumer<String> warnings, String name, long min, long max,
            long defaultValue, String unit) {
        String text = properties.apply(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warnings.accept("System property " + name + " is '" + text + "', not a whole number of " + unit
                + " between " + min + " and " + max + "; using the default " + defaultValue);
        return defaultValue;
    }
}
