package dev.parley.xmpp.s2s;

/**
 * User event that asks every inbound stream carrying a remote domain {@code policy} refuses to end with
 * {@code policy-violation}, because the host no longer federates with that domain.
 */
record RemoteDomainPolicyChanged(RemoteDomainPolicy policy) {
}
