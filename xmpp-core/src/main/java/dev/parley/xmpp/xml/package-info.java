/**
 * Non-blocking XML stream framing for XMPP: bytes in, stream events and immutable element trees out.
 * Also the writer that renders element trees back to escaped, namespace-correct XML text.
 */
package dev.parley.xmpp.xml;
