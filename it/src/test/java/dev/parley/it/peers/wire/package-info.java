/**
 * Raw XMPP server streams written to directly, for tests and the benchmark that must control every byte a remote
 * server sends: {@link dev.parley.it.peers.wire.DialbackStream} authenticates by dialback with the keys of the sender
 * domain's own server (after STARTTLS with {@link dev.parley.it.peers.wire.StartTls}, or in plaintext), read with
 * {@link dev.parley.it.peers.wire.StreamReader}.
 */
package dev.parley.it.peers.wire;
