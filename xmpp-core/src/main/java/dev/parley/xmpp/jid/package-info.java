/**
 * XMPP addresses (RFC 7622): {@link dev.parley.xmpp.jid.Jid} with its parts prepared and enforced by the PRECIS
 * profiles and IDNA, so that two spellings of one address compare equal and malformed ones are refused with a reason.
 */
package dev.parley.xmpp.jid;
