package dev.parley.xmpp.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How a remote domain's S2S targets were found, for an administrator's diagnosis: where they came from, what each SRV
 * lookup said, and the targets in the order a connection tries them, or why there are none.
 *
 * @param source     where the targets came from (or would have)
 * @param srvLookups the SRV lookups made, direct TLS first; empty when no SRV lookup was made
 * @param targets    best first; empty exactly when {@code failure} is present
 * @param failure    why the domain cannot be resolved
 */
public record S2sDiscovery(Source source, List<SrvLookup> srvLookups, List<S2sTarget> targets,
                           Optional<S2sResolutionException> failure) {

    /** Where a domain's targets come from. */
    public enum Source {
        /** SRV records of {@code _xmpps-server._tcp} and/or {@code _xmpp-server._tcp}. */
        SRV,
        /** No SRV records: the domain itself on port 5269, where it has an address (RFC 6120 §3.2.2). */
        ADDRESS_FALLBACK,
        /** An administrator's override instead of DNS. */
        OVERRIDE,
        /** A resolver that names targets without SRV records of its own (one of a host's or a test's). */
        RESOLVER
    }

    public S2sDiscovery {
        Objects.requireNonNull(source, "source");
        srvLookups = List.copyOf(srvLookups);
        targets = List.copyOf(targets);
        Objects.requireNonNull(failure, "failure");
        if (targets.isEmpty() == failure.isEmpty()) {
            throw new IllegalArgumentException("a discovery has either targets or a failure");
        }
    }

    static S2sDiscovery found(Source source, List<SrvLookup> srvLookups, List<S2sTarget> targets) {
        return new S2sDiscovery(source, srvLookups, targets, Optional.empty());
    }

    static S2sDiscovery failed(Source source, List<SrvLookup> srvLookups, S2sResolutionException failure) {
        return new S2sDiscovery(source, srvLookups, List.of(), Optional.of(failure));
    }

    /** The targets, or the failure, as {@link S2sTargetResolver#targets} answers. */
    CompletableFuture<List<S2sTarget>> outcome() {
        return failure.<CompletableFuture<List<S2sTarget>>>map(CompletableFuture::failedFuture)
                .orElseGet(() -> CompletableFuture.completedFuture(targets));
    }
}
