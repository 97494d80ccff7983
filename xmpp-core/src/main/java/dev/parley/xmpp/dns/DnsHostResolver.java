package dev.parley.xmpp.dns;

import static dev.parley.xmpp.dns.S2sResolutionException.Reason.NOT_FOUND;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Host addresses from DNS only: AAAA and A are asked in parallel and interleaved IPv6 first
 * (RFC 8305 §4), so a connector trying them in order alternates families. An IP literal is its own
 * answer; names never go to {@link InetAddress#getByName}, which would ask the system resolver.
 */
public final class DnsHostResolver implements HostResolver {

    private static final System.Logger LOG = System.getLogger(DnsHostResolver.class.getName());

    private final DnsClient dns;

    public DnsHostResolver(DnsClient dns) {
        this.dns = dns;
    }

    @Override
    public CompletableFuture<List<InetAddress>> addresses(String host) {
        Optional<InetAddress> literal = host == null ? Optional.empty() : DomainNames.ipLiteral(host.strip());
        if (literal.isPresent()) {
            return CompletableFuture.completedFuture(List.of(literal.get()));
        }
        Name name;
        try {
            name = Name.fromString(DomainNames.toAscii(host), Name.root);
        } catch (IllegalArgumentException | TextParseException e) {
            return CompletableFuture.failedFuture(new S2sResolutionException(NOT_FOUND,
                    "cannot look up the addresses of " + host + ": " + e.getMessage(), e));
        }
        CompletableFuture<FamilyAnswer> ipv6 = family(name, Type.AAAA);
        CompletableFuture<FamilyAnswer> ipv4 = family(name, Type.A);
        return ipv6.thenCombine(ipv4, (v6, v4) -> combine(host, v6, v4));
    }

    /** IPv6 first, then alternating while both families have addresses left (RFC 8305 §4). */
    static List<InetAddress> interleave(List<InetAddress> ipv6, List<InetAddress> ipv4) {
        List<InetAddress> interleaved = new ArrayList<>(ipv6.size() + ipv4.size());
        for (int i = 0; i < Math.max(ipv6.size(), ipv4.size()); i++) {
            if (i < ipv6.size()) {
                interleaved.add(ipv6.get(i));
            }
            if (i < ipv4.size()) {
                interleaved.add(ipv4.get(i));
            }
        }
        return interleaved;
    }

    private CompletableFuture<FamilyAnswer> family(Name name, int type) {
        return dns.lookup(name, type).handle((records, failure) -> failure == null
                ? new FamilyAnswer(addressesOf(records), null)
                : new FamilyAnswer(List.of(), DnsClient.resolutionFailure(failure)));
    }

    private static List<InetAddress> combine(String host, FamilyAnswer ipv6, FamilyAnswer ipv4) {
        List<InetAddress> addresses = interleave(ipv6.addresses(), ipv4.addresses());
        S2sResolutionException failure = preferNotFound(ipv6.failure(), ipv4.failure());
        if (!addresses.isEmpty()) {
            if (failure != null) {
                LOG.log(System.Logger.Level.DEBUG, "Using the addresses found for {0}; one lookup failed: {1}",
                        host, failure.getMessage());
            }
            return addresses;
        }
        if (failure != null) {
            throw new CompletionException(failure);
        }
        throw new CompletionException(new S2sResolutionException(NOT_FOUND, host + " has no A or AAAA records"));
    }

    /** NXDOMAIN speaks for every record type, so it beats "the other lookup did not answer". */
    private static S2sResolutionException preferNotFound(S2sResolutionException one, S2sResolutionException other) {
        if (one == null || (other != null && other.reason() == NOT_FOUND)) {
            return other;
        }
        return one;
    }

    private static List<InetAddress> addressesOf(List<Record> records) {
        List<InetAddress> addresses = new ArrayList<>(records.size());
        for (Record record : records) {
            if (record instanceof AAAARecord aaaa) {
                addresses.add(aaaa.getAddress());
            } else if (record instanceof ARecord a) {
                addresses.add(a.getAddress());
            }
        }
        return addresses;
    }

    /** What one address family's lookup said: its addresses, or why it failed. */
    private record FamilyAnswer(List<InetAddress> addresses, S2sResolutionException failure) {
    }
}
