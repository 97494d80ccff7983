package dev.parley.xmpp.stanza;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the sender should do about a stanza error (RFC 6120 §8.3.2). */
public enum StanzaErrorType {
    AUTH, CANCEL, CONTINUE, MODIFY, WAIT;

    /** The type whose {@link #xmlValue()} is {@code value}; empty for others. */
    public static Optional<StanzaErrorType> ofXmlValue(String value) {
        return Arrays.stream(values()).filter(type -> type.xmlValue().equals(value)).findFirst();
    }

    /** The value of the {@code type} attribute of {@code <error/>}. */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
