package dev.parley.xmpp.s2s;

import java.util.Set;

/**
 * User event that asks every inbound stream carrying one of {@code domains} (canonical form) to
 * end, because this server no longer serves them.
 */
record LocalDomainsRemoved(Set<String> domains) {
}
