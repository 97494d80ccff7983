/**
 * XEP-0198 stream management: its vocabulary ({@link dev.parley.xmpp.sm.StreamManagement}). The S2S engine uses it on
 * the receiving side of inbound streams.
 */
package dev.parley.xmpp.sm;
