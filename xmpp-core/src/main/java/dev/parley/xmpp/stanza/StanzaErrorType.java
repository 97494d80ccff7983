package dev.parley.xmpp.stanza;

import java.util.Locale;

/** What the sender should do about a stanza error (RFC 6120 §8.3.2). */
public enum StanzaErrorType {
    AUTH, CANCEL, CONTINUE, MODIFY, WAIT;

    /** The value of the {@code type} attribute of {@code <error/>}. */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
