package dev.parley.xmpp.dns;

import dev.parley.xmpp.net.IpAddressLiteral;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which DNS servers the S2S engine asks, and how patiently.
 *
 * <p>An empty server list means "the system's servers" (resolv.conf, read by dnsjava); a
 * non-empty list is used exclusively, so a test or an administrator that names servers can be
 * sure no query ever goes anywhere else.
 *
 * @param servers the DNS servers (IP addresses, never names: resolving them would need DNS),
 *                or empty for the system's servers
 * @param timeout the longest one lookup may take, all servers and retries included
 * @param retries how often a server is asked again after it did not answer (0 = ask once)
 */
public record ResolverConfig(List<InetSocketAddress> servers, Duration timeout, int retries) {

    /** A lookup answered in 5 s or not at all, like resolv.conf's default per attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 1;
    public static final int DNS_PORT = 53;

    public ResolverConfig {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        Objects.requireNonNull(timeout, "timeout");
        for (InetSocketAddress server : servers) {
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("DNS server " + server + " must be an IP address");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
    }

    /** The system's DNS servers (resolv.conf) with the default timeout and retries. */
    public static ResolverConfig systemDefault() {
        return new ResolverConfig(List.of(), DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    /**
     * Servers as an administrator types them: {@code 192.0.2.53}, {@code 192.0.2.53:5353},
     * {@code [2001:db8::53]:53} or {@code 2001:db8::53}; the port defaults to 53.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address with an optional port
     */
    public static ResolverConfig parse(List<String> servers, Duration timeout, int retries) {
        List<InetSocketAddress> addresses = servers.stream().map(ResolverConfig::parseServer).toList();
        return new ResolverConfig(addresses, timeout, retries);
    }

    /** Whether the system's servers are used, because none are configured. */
    public boolean usesSystemServers() {
        return servers.isEmpty();
    }

    private static InetSocketAddress parseServer(String text) {
        HostAndPort hostAndPort = HostAndPort.parse(text, DNS_PORT);
        try {
            return new InetSocketAddress(IpAddressLiteral.parse(hostAndPort.host()), hostAndPort.port());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "DNS server '" + text + "' must be an IP address (optionally with :port), not a host name", e);
        }
    }
}
