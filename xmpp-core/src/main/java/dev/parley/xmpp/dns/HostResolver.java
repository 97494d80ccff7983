package dev.parley.xmpp.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The addresses of a host name (an IP literal resolves to itself, without a lookup). */
public interface HostResolver {

    /**
     * IPv6 and IPv4 addresses of {@code host}, interleaved IPv6 first (RFC 8305 order), never empty
     * when it completes normally. Completes exceptionally with {@link S2sResolutionException}.
     */
    CompletableFuture<List<InetAddress>> addresses(String host);
}
