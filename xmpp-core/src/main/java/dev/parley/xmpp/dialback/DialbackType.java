package dev.parley.xmpp.dialback;

import java.util.Locale;
import java.util.Optional;

/** The {@code type} of a dialback answer (XEP-0220 §2.1.3, §2.4); a request carries none. */
public enum DialbackType {
    VALID, INVALID, ERROR;

    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by an answer's {@code type} attribute, empty for anything else. */
    public static Optional<DialbackType> parse(String value) {
        for (DialbackType type : values()) {
            if (type.xmlValue().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
