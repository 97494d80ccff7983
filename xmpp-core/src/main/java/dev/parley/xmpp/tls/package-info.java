/**
 * TLS for S2S streams: the policy an administrator chooses ({@link dev.parley.xmpp.tls.TlsPolicy}), the
 * server's credentials and how they are loaded, the Netty TLS handlers, and the certificate checks
 * (PKIX path, validity, RFC 9525 identity) whose verdicts the policy turns into decisions.
 */
package dev.parley.xmpp.tls;
