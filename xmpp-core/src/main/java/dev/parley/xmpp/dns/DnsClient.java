package dev.parley.xmpp.dns;

import dev.parley.xmpp.dns.S2sResolutionException.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.ServerFailedException;

/**
 * The connection to the configured DNS servers, with its cache: one per engine, shared by
 * {@link DnsS2sTargetResolver} and {@link DnsHostResolver}. Lookups are non-blocking (dnsjava's
 * {@link LookupSession} on its NIO selector) and fail as {@link S2sResolutionException}.
 */
public final class DnsClient {

    private static final System.Logger LOG = System.getLogger(DnsClient.class.getName());

    private final LookupSession session;
    private final List<InetSocketAddress> servers;
    private final Duration timeout;

    public DnsClient(ResolverConfig config) {
        this.servers = config.usesSystemServers() ? systemServers() : config.servers();
        this.timeout = config.timeout();
        int attempts = config.retries() + 1;
        // dnsjava moves to the next server or attempt only when one times out, so each attempt
        // gets its share of the whole timeout.
        Duration perAttempt = timeout.dividedBy((long) attempts * servers.size());
        List<Resolver> resolvers = servers.stream().map(server -> {
            SimpleResolver resolver = new SimpleResolver(server);
            resolver.setTimeout(perAttempt);
            return (Resolver) resolver;
        }).toList();
        ExtendedResolver resolver = new ExtendedResolver(resolvers);
        resolver.setRetries(attempts);
        resolver.setTimeout(timeout);
        // No hosts file and no search path: S2S names are absolute DNS names, and administrators
        // who need to bend them have overrides.
        this.session = LookupSession.builder().resolver(resolver).cache(new Cache(DClass.IN)).build();
        LOG.log(System.Logger.Level.INFO, "DNS servers for S2S: {0}{1}, timeout {2}, {3} attempt(s) per server",
                servers, config.usesSystemServers() ? " (from the system configuration)" : "", timeout, attempts);
    }

    /**
     * The records of {@code type} for the absolute {@code name}, following CNAMEs; empty when the
     * name exists without such records. Fails with {@link Reason#NOT_FOUND} for NXDOMAIN,
     * {@link Reason#TIMEOUT} when no server answers in time, {@link Reason#SERVER_FAILURE} otherwise.
     */
    CompletableFuture<List<Record>> lookup(Name name, int type) {
        return session.lookupAsync(name, type).toCompletableFuture()
                // dnsjava checks its own timeouts only about once a second; this keeps the promise.
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((result, failure) -> {
                    if (failure == null) {
                        return result.getRecords();
                    }
                    Throwable cause = unwrap(failure);
                    if (cause instanceof NoSuchRRSetException) {
                        return List.<Record>of();
                    }
                    throw new CompletionException(translate(cause, name, type));
                });
    }

    /** The {@link S2sResolutionException} behind a failed stage, whatever wraps it. */
    static S2sResolutionException resolutionFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof S2sResolutionException resolution) {
            return resolution;
        }
        return new S2sResolutionException(Reason.SERVER_FAILURE, "DNS resolution failed: " + cause, cause);
    }

    private S2sResolutionException translate(Throwable cause, Name name, int type) {
        if (cause instanceof NoSuchDomainException) {
            return new S2sResolutionException(Reason.NOT_FOUND, name.toString(true) + " does not exist (NXDOMAIN)",
                    cause);
        }
        String question = name.toString(true) + " (" + Type.string(type) + ")";
        if (cause instanceof TimeoutException || cause instanceof IOException) {
            return new S2sResolutionException(Reason.TIMEOUT,
                    "no answer from the DNS servers " + servers + " within " + seconds(timeout) + " for " + question,
                    cause);
        }
        if (cause instanceof ServerFailedException) {
            return new S2sResolutionException(Reason.SERVER_FAILURE,
                    "the DNS server failed to answer for " + question + " (SERVFAIL)", cause);
        }
        if (cause instanceof LookupFailedException) {
            return new S2sResolutionException(Reason.SERVER_FAILURE,
                    "the DNS server refused or failed the lookup of " + question + ": " + cause.getMessage(), cause);
        }
        return new S2sResolutionException(Reason.SERVER_FAILURE, "DNS lookup of " + question + " failed: " + cause,
                cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static List<InetSocketAddress> systemServers() {
        List<InetSocketAddress> system = org.xbill.DNS.ResolverConfig.getCurrentConfig().servers();
        if (system.isEmpty()) {
            throw new IllegalStateException("no DNS servers are configured and the system names none");
        }
        return List.copyOf(system);
    }
}
