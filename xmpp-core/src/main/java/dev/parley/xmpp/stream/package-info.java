/**
 * The XMPP stream vocabulary of RFC 6120 §4: stream headers, versions and stream errors as types,
 * with their rendering on the wire. Independent of transport and of client or server role.
 */
package dev.parley.xmpp.stream;
