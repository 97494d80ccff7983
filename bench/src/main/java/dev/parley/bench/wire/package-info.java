/** Raw XMPP connections of the load generator, kept outside the engine under test: an S2S stream that */
/** authenticates by dialback with keys of the sender domain's own server, and a client stream that logs in. */
package dev.parley.bench.wire;
