package dev.parley.xmpp.dns;

/**
 * One usable SRV record of either S2S service, before ordering.
 *
 * @param target   where it points, with the TLS mode its service implies
 * @param priority lower is tried first (RFC 2782)
 * @param weight   relative share among equal priorities (RFC 2782)
 */
record SrvCandidate(S2sTarget target, int priority, int weight) {
}
