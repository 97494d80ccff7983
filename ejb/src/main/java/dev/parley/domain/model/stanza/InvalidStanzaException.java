package dev.parley.domain.model.stanza;

/** Input that is not a stanza Parley can route; the message says why, for the sender to read. */
public class InvalidStanzaException extends Exception {

    public InvalidStanzaException(String reason) {
        super(reason);
    }

    public InvalidStanzaException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
