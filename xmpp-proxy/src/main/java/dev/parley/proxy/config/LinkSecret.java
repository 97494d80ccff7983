package dev.parley.proxy.config;

import java.util.Objects;

/**
 * The password Parley's link authenticates with (the XEP-0114 handshake). {@link #toString()} does not show it, so
 * that no log line or message that prints a configuration can give it away.
 */
public record LinkSecret(String value) {

    /** Long enough that guessing it over the network is hopeless, short enough to generate and paste. */
    public static final int MIN_LENGTH = 16;

    public LinkSecret {
        Objects.requireNonNull(value, "value");
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the link secret must be at least " + MIN_LENGTH + " characters long");
        }
    }

    @Override
    public String toString() {
        return "LinkSecret[***]";
    }
}
