package dev.parley.xmpp.s2s;

/**
 * User event passed down the inbound pipeline once our header is out: dialback keys are bound to
 * the stream id we chose, so the handlers behind the stream handler need it.
 *
 * @param streamId the id in our response header
 */
record InboundStreamOpened(String streamId) {
}
