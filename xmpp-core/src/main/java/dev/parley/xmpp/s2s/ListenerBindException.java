package dev.parley.xmpp.s2s;

/** The S2S listener could not bind its address and port, typically because the port is in use. */
public final class ListenerBindException extends RuntimeException {

    public ListenerBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
