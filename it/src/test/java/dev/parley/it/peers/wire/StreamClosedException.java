package dev.parley.it.peers.wire;

import java.io.IOException;

/** The peer ended the stream or the connection while the load generator still read from it. */
public final class StreamClosedException extends IOException {

    public StreamClosedException(String message) {
        super(message);
    }
}
