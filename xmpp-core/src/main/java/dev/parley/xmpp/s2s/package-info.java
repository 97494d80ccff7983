/**
 * The server-to-server engine: {@link dev.parley.xmpp.s2s.S2sEngine} and its listeners (plain and direct TLS), the
 * inbound and outbound stream pipelines with STARTTLS, SASL EXTERNAL and Server Dialback in both directions as the
 * TLS policy allows, and the pool of outbound sessions.
 */
package dev.parley.xmpp.s2s;
