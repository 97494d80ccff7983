/**
 * Tests of RFC 7622 addresses: the RFC's own examples of valid and invalid JIDs, PRECIS case and width mapping, IDN
 * domains, IP literals, and the limits.
 */
package dev.parley.xmpp.jid;
