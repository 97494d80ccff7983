package dev.parley.xmpp.dns;

/**
 * One usable SRV record of either S2S service, before ordering; also what an administrator reads of it
 * ({@link SrvLookup#records()}).
 *
 * @param target   where it points (host and port), with the TLS mode its service implies
 * @param priority lower is tried first (RFC 2782)
 * @param weight   relative share among equal priorities (RFC 2782)
 */
public record SrvCandidate(S2sTarget target, int priority, int weight) {
}
