package dev.parley.xmpp.s2s;

/**
 * User event fired by a handler in front of the outbound stream handler that has just ended the stream with a stream
 * error of its own (the remote server broke a protocol it negotiated): the stream handler reports {@code reason} to
 * whoever uses the stream at once, before anything else of theirs is written on a stream that already ended.
 */
record StreamEndedHere(String reason) {
}
