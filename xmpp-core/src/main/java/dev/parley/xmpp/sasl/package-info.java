/**
 * SASL between servers as vocabulary: only the EXTERNAL mechanism of XEP-0178, which lets a TLS
 * client certificate authenticate the initiating domain.
 */
package dev.parley.xmpp.sasl;
