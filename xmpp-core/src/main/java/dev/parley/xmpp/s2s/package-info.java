/**
 * The server-to-server engine: the inbound S2S listener and the per-connection handlers that
 * negotiate a stream with a remote server (RFC 6120 §4, later TLS, dialback and SASL EXTERNAL).
 */
package dev.parley.xmpp.s2s;
