/**
 * The server-to-server engine: {@link dev.parley.xmpp.s2s.S2sEngine} and its listener, the inbound and
 * outbound stream pipelines, Server Dialback in both directions, and the pool of outbound sessions.
 */
package dev.parley.xmpp.s2s;
