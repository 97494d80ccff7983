/**
 * Tests of XML stream framing, XMPP's restricted XML subset, the decoder's limits and the writer.
 * Each class covers one capability; violations are asserted by their {@link dev.parley.xmpp.xml.XmlViolation}.
 */
package dev.parley.xmpp.xml;
