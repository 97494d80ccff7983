package dev.parley.xmpp.dns;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Administrator overrides first, DNS (or whatever {@code delegate} is) for every other domain.
 * Domains match case-insensitively and in either Unicode or ASCII form.
 */
public final class OverridingS2sTargetResolver implements S2sTargetResolver {

    private final Map<String, List<S2sTarget>> overrides = new HashMap<>();
    private final S2sTargetResolver delegate;

    /** @throws IllegalArgumentException when two overrides name the same domain */
    public OverridingS2sTargetResolver(Collection<S2sOverride> overrides, S2sTargetResolver delegate) {
        for (S2sOverride override : overrides) {
            if (this.overrides.putIfAbsent(override.domain(), override.targets()) != null) {
                throw new IllegalArgumentException("two overrides for " + override.domain());
            }
        }
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<List<S2sTarget>> targets(String domain) {
        List<S2sTarget> override = overrides.get(normalized(domain));
        return override != null ? CompletableFuture.completedFuture(override) : delegate.targets(domain);
    }

    @Override
    public CompletableFuture<S2sDiscovery> discover(String domain) {
        List<S2sTarget> override = overrides.get(normalized(domain));
        if (override == null) {
            return delegate.discover(domain);
        }
        return CompletableFuture.completedFuture(S2sDiscovery.found(S2sDiscovery.Source.OVERRIDE, List.of(), override));
    }

    private static String normalized(String domain) {
        try {
            return DomainNames.toAscii(domain);
        } catch (IllegalArgumentException e) {
            // Cannot match any override; the delegate rejects it with its reason.
            return null;
        }
    }
}
