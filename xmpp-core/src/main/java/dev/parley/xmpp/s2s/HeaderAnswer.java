package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamHeader;

import java.util.Optional;

/**
 * What the receiving server replies to an initial stream header: always a response header
 * (RFC 6120 §4.9.1.2 wants one even before an error), then either features or the error.
 */
record HeaderAnswer(StreamHeader header, Optional<StreamError> error) {

    /** Stream features exist only from version 1.0 on (RFC 6120 §4.3.2). */
    boolean offersFeatures() {
        return error.isEmpty() && header.version().isPresent();
    }
}
