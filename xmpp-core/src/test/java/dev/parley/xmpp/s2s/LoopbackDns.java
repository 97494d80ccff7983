package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sResolutionException;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolvers for tests: each registered domain is 127.0.0.1 on its port, every other domain does
 * not exist. Nothing ever resolves to an address off the loopback interface.
 */
final class LoopbackDns implements S2sTargetResolver, HostResolver {

    private static final String LOOPBACK = "127.0.0.1";

    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Boolean> directTls = new ConcurrentHashMap<>();

    LoopbackDns register(String domain, int port) {
        ports.put(domain, port);
        directTls.put(domain, false);
        return this;
    }

    /** {@code domain} reachable only with TLS from the first byte (XEP-0368), as if by {@code _xmpps-server}. */
    LoopbackDns registerDirectTls(String domain, int port) {
        ports.put(domain, port);
        directTls.put(domain, true);
        return this;
    }

    @Override
    public CompletableFuture<List<S2sTarget>> targets(String domain) {
        Integer port = ports.get(domain);
        if (port == null) {
            return CompletableFuture.failedFuture(new S2sResolutionException(S2sResolutionException.Reason.NOT_FOUND,
                    domain + " has no SRV, A or AAAA records"));
        }
        return CompletableFuture.completedFuture(List.of(new S2sTarget(LOOPBACK, port, directTls.get(domain))));
    }

    @Override
    public CompletableFuture<List<InetAddress>> addresses(String host) {
        if (!host.equals(LOOPBACK)) {
            return CompletableFuture.failedFuture(new S2sResolutionException(S2sResolutionException.Reason.NOT_FOUND,
                    "tests resolve only " + LOOPBACK));
        }
        return CompletableFuture.completedFuture(List.of(InetAddress.getLoopbackAddress()));
    }
}
