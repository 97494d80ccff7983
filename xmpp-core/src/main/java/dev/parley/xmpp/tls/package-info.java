/**
 * TLS for S2S streams: the policy an administrator chooses, and (as the engine grows) the
 * certificate checks that enforce it.
 */
package dev.parley.xmpp.tls;
