/**
 * Tests of the dialback vocabulary: XEP-0185 keys against the XEP's own example.
 */
package dev.parley.xmpp.dialback;
