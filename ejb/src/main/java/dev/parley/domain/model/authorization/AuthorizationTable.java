package dev.parley.domain.model.authorization;

import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.s2s.DomainRules;
import dev.parley.xmpp.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The domain authorizations as the federation applies them, at one moment: which remote domains may federate, at
 * which level, under which TLS policy. Immutable, so it can be handed to the running engine as a whole and replaced
 * when the authorizations or the global maximum level change.
 *
 * <p>The rules: only {@link FederationProtocol#XMPP XMPP} entries count. For a domain, the most specific entry
 * that covers it wins (an exact domain before any wildcard, a longer wildcard suffix before a shorter one), even
 * when it is {@code BLOCKED} and a less specific entry allows. The winner's level is capped at the global maximum.
 * A domain without a covering entry, or whose effective level is {@code BLOCKED}, does not federate, in either
 * direction.
 *
 * <p>Lookups take canonical domains, as {@link dev.parley.xmpp.jid.Jid#domainpart()} gives them (lower-case A-labels,
 * no trailing dot); anything else finds no entry and is refused.
 */
public final class AuthorizationTable {

    /** One authorization as the table needs it. */
    public record Entry(DomainPattern pattern, FederationProtocol protocol, AuthorizationLevel level,
                        Optional<TlsPolicy> tlsOverride) {
        public Entry {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(tlsOverride, "tlsOverride");
        }
    }

    /**
     * Federation with a domain is allowed.
     *
     * @param pattern     the authorization that decided it
     * @param level       the effective level: the authorization's, capped at the global maximum; never BLOCKED
     * @param tlsOverride that authorization's TLS policy, empty where the global one applies
     */
    public record Grant(DomainPattern pattern, AuthorizationLevel level, Optional<TlsPolicy> tlsOverride) {
        public Grant {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(tlsOverride, "tlsOverride");
        }
    }

    private static final Comparator<Entry> ENTRY_ORDER = Comparator.comparing(Entry::pattern, DomainPattern.DISPLAY_ORDER);

    private final List<Entry> entries;
    private final AuthorizationLevel maxLevel;
    private final DomainRules<Entry> lookup;
    private final DomainPolicy policy;

    private AuthorizationTable(Collection<Entry> entries, AuthorizationLevel maxLevel) {
        this.maxLevel = Objects.requireNonNull(maxLevel, "maxLevel");
        Map<String, Entry> exact = new HashMap<>();
        Map<String, Entry> wildcards = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.protocol() != FederationProtocol.XMPP) {
                continue;
            }
            Map<String, Entry> byDomain = entry.pattern().wildcard() ? wildcards : exact;
            // The store keeps patterns unique per protocol; should two arrive anyway, the stricter one holds.
            byDomain.merge(entry.pattern().domain(), entry,
                    (kept, other) -> other.level().compareTo(kept.level()) < 0 ? other : kept);
        }
        List<Entry> kept = new ArrayList<>(exact.values());
        kept.addAll(wildcards.values());
        kept.sort(ENTRY_ORDER);
        this.entries = List.copyOf(kept);
        this.lookup = new DomainRules<>(exact, wildcards);
        this.policy = new DomainPolicy(this.entries.stream().map(entry -> new DomainPolicy.Rule(entry.pattern().domain(),
                entry.pattern().wildcard(), entry.level().allowsFederation(), entry.tlsOverride())).toList(),
                !maxLevel.allowsFederation());
    }

    /**
     * The table of {@code entries} (entries of other protocols than XMPP are left out) under the global maximum
     * level {@code maxLevel}.
     */
    public static AuthorizationTable of(Collection<Entry> entries, AuthorizationLevel maxLevel) {
        return new AuthorizationTable(entries, maxLevel);
    }

    /** A table without authorizations: no domain federates. */
    public static AuthorizationTable empty() {
        return new AuthorizationTable(List.of(), AuthorizationLevel.PERSONAL);
    }

    /** The XMPP entries, by domain (each domain's exact entry before its wildcard). */
    public List<Entry> entries() {
        return entries;
    }

    /** The global maximum level that caps every entry's. */
    public AuthorizationLevel maxLevel() {
        return maxLevel;
    }

    /** The most specific XMPP entry that covers {@code domain}, whatever its level. */
    public Optional<Entry> entryFor(String domain) {
        return lookup.find(domain);
    }

    /**
     * Which domains federate and with which TLS policy of their own, without the levels: what the engine (or the
     * proxy, in proxy mode) applies to streams.
     */
    public DomainPolicy policy() {
        return policy;
    }

    /** Federation with {@code domain} as allowed, or empty when it is not allowed. */
    public Optional<Grant> grantFor(String domain) {
        return entryFor(domain)
                .map(entry -> new Grant(entry.pattern(), entry.level().cappedAt(maxLevel), entry.tlsOverride()))
                .filter(grant -> grant.level().allowsFederation());
    }

    /** The effective level for {@code domain}: BLOCKED where it does not federate. */
    public AuthorizationLevel levelFor(String domain) {
        return grantFor(domain).map(Grant::level).orElse(AuthorizationLevel.BLOCKED);
    }

    /**
     * Why federation with {@code domain} is refused, in a sentence that may be logged and shown to the remote
     * server; empty when it is allowed.
     */
    public Optional<String> refusal(String domain) {
        return policy.refusal(domain);
    }

    /**
     * The TLS policy that the authorization of {@code domain} sets for it; empty where the global policy applies
     * (the deciding authorization sets none; less specific ones do not lend theirs) or the domain does not federate.
     */
    public Optional<TlsPolicy> tlsPolicyFor(String domain) {
        return policy.tlsPolicyFor(domain);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorizationTable table && maxLevel == table.maxLevel && entries.equals(table.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, maxLevel);
    }

    @Override
    public String toString() {
        return "AuthorizationTable[" + entries.size() + " XMPP entries, maxLevel=" + maxLevel + "]";
    }
}
