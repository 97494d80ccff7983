/**
 * Tests of the stream vocabulary: headers, versions, stream ids and stream errors as rendered on
 * the wire, checked by parsing the rendered XML.
 */
package dev.parley.xmpp.stream;
