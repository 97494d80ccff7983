/**
 * Tests of the stanza vocabulary: error replies per RFC 6120 §8.3.
 */
package dev.parley.xmpp.stanza;
