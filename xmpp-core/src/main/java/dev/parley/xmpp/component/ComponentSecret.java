package dev.parley.xmpp.component;

import java.util.Objects;

/**
 * The password a component and its host share. Kept out of every text that could reach a log: {@link #toString()}
 * does not show it.
 */
public record ComponentSecret(String value) {

    public ComponentSecret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the component secret must not be empty");
        }
    }

    @Override
    public String toString() {
        return "ComponentSecret[***]";
    }
}
