/**
 * Raw XMPP connections of the load generator besides the harness's {@code dev.parley.it.peers.wire} server streams: a
 * client stream that logs in to a peer and records what arrives, and the source addresses of many streams.
 */
package dev.parley.bench.wire;
