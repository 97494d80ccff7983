/**
 * Finding a remote domain's S2S service: SRV records for direct TLS and STARTTLS, the A/AAAA
 * fallback on port 5269, administrator overrides, and host addresses for connecting.
 */
package dev.parley.xmpp.dns;
