package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.S2sResolutionException.Reason.NOT_FOUND;

import dev.parley.xmpp.dns.S2sDiscovery.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds a remote domain's S2S service in DNS: the SRV records of {@code _xmpps-server._tcp}
 * (direct TLS, XEP-0368) and {@code _xmpp-server._tcp} (STARTTLS, RFC 6120 §3.2), else the domain
 * itself on port 5269 when it has an address.
 *
 * <p>Both SRV sets are ordered as one, as XEP-0368 asks ("all priorities and weights are
 * mixed"): the remote operator's priorities and weights decide between direct TLS and STARTTLS,
 * neither is preferred here. A set whose only target is "." declines its service; then the other
 * set is used, and there is no address fallback because the domain does use SRV.
 */
public final class DnsS2sTargetResolver implements S2sTargetResolver {

    /** The S2S port of RFC 6120 §3.2.2, used when a domain publishes no SRV records. */
    public static final int DEFAULT_PORT = 5269;

    private static final System.Logger LOG = System.getLogger(DnsS2sTargetResolver.class.getName());
    private static final Name DIRECT_TLS_SERVICE = Name.fromConstantString("_xmpps-server._tcp");
    private static final Name STARTTLS_SERVICE = Name.fromConstantString("_xmpp-server._tcp");

    private final DnsClient dns;
    private final HostResolver hosts;

    public DnsS2sTargetResolver(DnsClient dns) {
        this.dns = dns;
        this.hosts = new DnsHostResolver(dns);
    }

    @Override
    public CompletableFuture<List<S2sTarget>> targets(String domain) {
        return discover(domain).thenCompose(S2sDiscovery::outcome);
    }

    /** The lookups {@link #targets} makes, with what each said: one resolution, which both report. */
    @Override
    public CompletableFuture<S2sDiscovery> discover(String domain) {
        String ascii;
        Name name;
        try {
            ascii = DomainNames.toAscii(domain);
            name = Name.fromString(ascii, Name.root);
        } catch (IllegalArgumentException | TextParseException e) {
            return CompletableFuture.completedFuture(S2sDiscovery.failed(Source.SRV, List.of(),
                    new S2sResolutionException(NOT_FOUND, "cannot look up the S2S service of " + domain + ": "
                            + e.getMessage(), e)));
        }
        CompletableFuture<SrvLookup> directTls = service(DIRECT_TLS_SERVICE, name, true);
        CompletableFuture<SrvLookup> startTls = service(STARTTLS_SERVICE, name, false);
        return directTls.thenCombine(startTls, (direct, start) -> choose(domain, ascii, direct, start))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<SrvLookup> service(Name service, Name domain, boolean directTls) {
        Name owner;
        try {
            owner = Name.concatenate(service, domain);
        } catch (NameTooLongException e) {
            // A name over DNS's 255 octets cannot own records: the domain simply has none of this service.
            return CompletableFuture.completedFuture(
                    lookup(service + "." + domain.toString(true), List.of(), directTls));
        }
        String ownerName = owner.toString(true);
        return dns.lookup(owner, Type.SRV).handle((records, failure) -> {
            if (failure == null) {
                return lookup(ownerName, records, directTls);
            }
            S2sResolutionException cause = DnsClient.resolutionFailure(failure);
            // NXDOMAIN for _xmpp-server._tcp.DOMAIN says only that this service has no records.
            return cause.reason() == NOT_FOUND ? lookup(ownerName, List.of(), directTls)
                    : new SrvLookup(ownerName, directTls, List.of(), false, Optional.of(cause));
        });
    }

    private CompletableFuture<S2sDiscovery> choose(String domain, String ascii, SrvLookup directTls,
            SrvLookup startTls) {
        List<SrvLookup> lookups = List.of(directTls, startTls);
        List<SrvCandidate> candidates = new ArrayList<>(directTls.records());
        candidates.addAll(startTls.records());
        if (!candidates.isEmpty()) {
            for (SrvLookup lookup : lookups) {
                lookup.failure().ifPresent(failure -> LOG.log(System.Logger.Level.WARNING,
                        "Using the SRV records found for {0}; the other lookup failed: {1}", domain,
                        failure.getMessage()));
            }
            return CompletableFuture.completedFuture(S2sDiscovery.found(Source.SRV, lookups,
                    SrvOrdering.order(candidates, ThreadLocalRandom.current())));
        }
        Optional<S2sResolutionException> failure = startTls.failure().or(directTls::failure);
        if (failure.isPresent()) {
            return CompletableFuture.completedFuture(S2sDiscovery.failed(Source.SRV, lookups,
                    new S2sResolutionException(failure.get().reason(), "cannot resolve the S2S service of " + domain
                            + ": " + failure.get().getMessage(), failure.get())));
        }
        if (directTls.declined() || startTls.declined()) {
            return CompletableFuture.completedFuture(S2sDiscovery.failed(Source.SRV, lookups,
                    new S2sResolutionException(NOT_FOUND, domain + " offers no XMPP server-to-server service: its SRV"
                            + " target \".\" declares it not available")));
        }
        return addressFallback(domain, ascii, lookups);
    }

    private CompletableFuture<S2sDiscovery> addressFallback(String domain, String ascii, List<SrvLookup> lookups) {
        return hosts.addresses(ascii).handle((addresses, failure) -> {
            if (failure == null) {
                return S2sDiscovery.found(Source.ADDRESS_FALLBACK, lookups,
                        List.of(new S2sTarget(ascii, DEFAULT_PORT, false)));
            }
            S2sResolutionException cause = DnsClient.resolutionFailure(failure);
            String message = cause.reason() == NOT_FOUND
                    ? "no SRV, A or AAAA records for " + domain + " (" + cause.getMessage() + ")"
                    : "cannot resolve the S2S service of " + domain + ": " + cause.getMessage();
            return S2sDiscovery.failed(Source.ADDRESS_FALLBACK, lookups,
                    new S2sResolutionException(cause.reason(), message, cause));
        });
    }

    /** The usable records of one SRV answer; "." alone declines the service (RFC 2782). */
    private static SrvLookup lookup(String owner, List<Record> records, boolean directTls) {
        List<SrvCandidate> candidates = new ArrayList<>();
        boolean sawRootTarget = false;
        for (Record record : records) {
            if (record instanceof SRVRecord srv) {
                if (srv.getTarget().equals(Name.root)) {
                    sawRootTarget = true;
                } else {
                    S2sTarget target = new S2sTarget(srv.getTarget().toString(true), srv.getPort(), directTls);
                    candidates.add(new SrvCandidate(target, srv.getPriority(), srv.getWeight()));
                }
            }
        }
        return new SrvLookup(owner, directTls, candidates, sawRootTarget && candidates.isEmpty(), Optional.empty());
    }
}
