package dev.parley.xmpp.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where a remote XMPP domain's S2S service is. */
public interface S2sTargetResolver {

    /**
     * The targets to try for {@code domain}, best first; never empty when it completes normally.
     * Completes exceptionally with {@link S2sResolutionException} when the domain cannot be resolved.
     */
    CompletableFuture<List<S2sTarget>> targets(String domain);

    /**
     * How {@link #targets} finds the targets of {@code domain}, step by step, for an administrator: the SRV lookups
     * and their records, the address fallback, and the targets or the failure. Never completes exceptionally.
     * Resolvers that make no SRV lookups of their own report only their answer, as
     * {@link S2sDiscovery.Source#RESOLVER}.
     */
    default CompletableFuture<S2sDiscovery> discover(String domain) {
        return targets(domain).handle((targets, failure) -> {
            if (failure != null) {
                return S2sDiscovery.failed(S2sDiscovery.Source.RESOLVER, List.of(),
                        DnsClient.resolutionFailure(failure));
            }
            return targets.isEmpty()
                    ? S2sDiscovery.failed(S2sDiscovery.Source.RESOLVER, List.of(), new S2sResolutionException(
                            S2sResolutionException.Reason.NOT_FOUND, "the resolver names no target for " + domain))
                    : S2sDiscovery.found(S2sDiscovery.Source.RESOLVER, List.of(), targets);
        });
    }
}
