package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;

/**
 * User event fired from the pipeline's head by a handler behind the stream handler, asking it to
 * end the stream with {@code error}; only the stream handler knows how to close a stream properly.
 */
record StreamFailure(StreamError error) {
}
