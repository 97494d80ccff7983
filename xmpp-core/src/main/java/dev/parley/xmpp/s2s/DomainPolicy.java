package dev.parley.xmpp.s2s;

import dev.parley.xmpp.tls.TlsPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which remote domains federate, and with which TLS policy of their own, as rules per domain pattern: the most
 * specific rule that covers a domain decides (see {@link DomainRules}); a domain no rule covers does not federate,
 * nor does any while federation is blocked everywhere. The refusals are worded here, once, for logs, the remote
 * server's administrator and the local sender alike.
 *
 * <p>Immutable: the engine consults it on its I/O threads, and a change replaces it as a whole.
 */
public final class DomainPolicy implements RemoteDomainPolicy {

    /**
     * What one pattern decides.
     *
     * @param domain      the pattern's canonical domain
     * @param wildcard    whether it covers the subdomains of {@code domain} rather than {@code domain} itself
     * @param allowed     whether the domains it covers federate
     * @param tlsOverride the TLS policy for them; empty where the global one applies
     */
    public record Rule(String domain, boolean wildcard, boolean allowed, Optional<TlsPolicy> tlsOverride) {

        public Rule {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(tlsOverride, "tlsOverride");
        }

        /** The pattern as people write it: {@code example.com} or {@code *.example.com}. */
        public String pattern() {
            return wildcard ? "*." + domain : domain;
        }
    }

    private final List<Rule> rules;
    private final boolean blockedEverywhere;
    private final DomainRules<Rule> lookup;

    /**
     * @param rules             the rules, at most one per pattern (of two for one pattern, the one that refuses holds)
     * @param blockedEverywhere whether no domain federates whatever the rules say
     */
    public DomainPolicy(List<Rule> rules, boolean blockedEverywhere) {
        this.rules = List.copyOf(rules);
        this.blockedEverywhere = blockedEverywhere;
        Map<String, Rule> exact = new HashMap<>();
        Map<String, Rule> wildcards = new HashMap<>();
        for (Rule rule : this.rules) {
            (rule.wildcard() ? wildcards : exact).merge(rule.domain(), rule, (kept, other) -> other.allowed() ? kept : other);
        }
        this.lookup = new DomainRules<>(exact, wildcards);
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean blockedEverywhere() {
        return blockedEverywhere;
    }

    /** No rule at all: no domain federates. */
    public static DomainPolicy none() {
        return new DomainPolicy(List.of(), false);
    }

    /** The rule that decides for {@code domain}, if any covers it. */
    public Optional<Rule> ruleFor(String domain) {
        return lookup.find(domain);
    }

    @Override
    public Optional<String> refusal(String remoteDomain) {
        Optional<Rule> rule = ruleFor(remoteDomain);
        if (rule.isEmpty()) {
            return Optional.of("federation with " + remoteDomain
                    + " is not authorized on this server (no domain authorization)");
        }
        if (!rule.get().allowed()) {
            return Optional.of("federation with " + remoteDomain + " is blocked by the domain authorization for "
                    + rule.get().pattern());
        }
        if (blockedEverywhere) {
            return Optional.of("federation with " + remoteDomain
                    + " is blocked on this server (the global maximum level is BLOCKED)");
        }
        return Optional.empty();
    }

    /** The TLS policy of the rule that lets {@code domain} federate; empty where the global one applies. */
    public Optional<TlsPolicy> tlsPolicyFor(String domain) {
        return refusal(domain).isPresent() ? Optional.empty() : ruleFor(domain).flatMap(Rule::tlsOverride);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomainPolicy policy && blockedEverywhere == policy.blockedEverywhere
                && rules.equals(policy.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rules, blockedEverywhere);
    }

    @Override
    public String toString() {
        return "DomainPolicy[" + rules.size() + " rules" + (blockedEverywhere ? ", blocked everywhere" : "") + "]";
    }
}
