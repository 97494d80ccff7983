package dev.parley.xmpp.s2s;

import java.util.Map;
import java.util.Optional;

/**
 * Values kept per domain pattern, looked up by the most specific pattern that covers a domain: its exact entry, else
 * the wildcard with the longest suffix ({@code *.sub.example.com} before {@code *.example.com}). A wildcard covers the
 * subdomains of its domain at any depth, not the domain itself. Domains are compared in canonical form.
 *
 * @param exact     values for domains exactly
 * @param wildcards values for the subdomains of a domain, keyed by that domain (without {@code *.})
 */
public record DomainRules<T>(Map<String, T> exact, Map<String, T> wildcards) {

    public DomainRules {
        exact = Map.copyOf(exact);
        wildcards = Map.copyOf(wildcards);
    }

    /** The value of the most specific pattern that covers {@code domain}, if any does. */
    public Optional<T> find(String domain) {
        T value = exact.get(domain);
        // Strip labels from the left: the first wildcard found has the longest suffix, so it is the most specific.
        for (int dot = domain.indexOf('.'); value == null && dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            value = wildcards.get(domain.substring(dot + 1));
        }
        return Optional.ofNullable(value);
    }
}
