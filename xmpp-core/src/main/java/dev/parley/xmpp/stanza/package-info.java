/**
 * The stanza vocabulary of RFC 6120 §8: stanza error types and conditions as small types,
 * shared by the engine and the application that routes stanzas.
 */
package dev.parley.xmpp.stanza;
