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
}
