package dev.parley.xmpp.dns;

/** A DNS answer (or the lack of one) that leaves no address to connect to. */
public class S2sResolutionException extends Exception {

    /** Why resolution failed; decides which stanza error the senders of waiting stanzas get. */
    public enum Reason {
        /** The name does not exist or has no usable records: {@code remote-server-not-found}. */
        NOT_FOUND,
        /** No answer in time: {@code remote-server-timeout}. */
        TIMEOUT,
        /** The resolver answered with a failure (SERVFAIL, refused): {@code remote-server-timeout}. */
        SERVER_FAILURE
    }

    private final Reason reason;

    public S2sResolutionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public S2sResolutionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
