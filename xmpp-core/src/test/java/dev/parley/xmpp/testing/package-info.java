/**
 * Test support shared by the test packages: an independent (JDK) parser for what the engine
 * answered on a stream, so that tests assert on the XML, not on substrings.
 */
package dev.parley.xmpp.testing;
