package dev.parley.xmpp.component;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.xml.XmlLimits;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link ComponentClient} finds its host and how it keeps the link up.
 *
 * @param host             the host's name or address literal; with TLS, the name its certificate must carry
 * @param port             the host's component port
 * @param resolver         how {@code host} becomes an address (Parley's own DNS servers, not the system's)
 * @param domain           the domain the component serves, canonical
 * @param secret           the shared password
 * @param tls              with a value, the link starts with TLS and the host's certificate must chain to the JDK's
 *                         CAs or one of these, and name {@code host}; empty: plain TCP
 * @param limits           size limits of what the host may send
 * @param connectTimeout   how long a TCP connect may take
 * @param handshakeTimeout how long from the connection to a successful handshake
 * @param minRetry         the pause after the first failure; it doubles with every failure after that
 * @param maxRetry         the longest pause between attempts
 * @param silenceLimit     how long a Parley XMPP Proxy, which writes at least every few seconds, may stay silent before
 *                         the link is taken for dead
 */
public record ComponentClientConfig(String host, int port, HostResolver resolver, String domain, ComponentSecret secret,
                                    Optional<List<X509Certificate>> tls, XmlLimits limits, Duration connectTimeout,
                                    Duration handshakeTimeout, Duration minRetry, Duration maxRetry,
                                    Duration silenceLimit) {

    public ComponentClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(limits, "limits");
        tls = tls.map(List::copyOf);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the link port must be within 1..65535, was " + port);
        }
        if (minRetry.isNegative() || minRetry.isZero() || maxRetry.compareTo(minRetry) < 0) {
            throw new IllegalArgumentException("retry pauses must be positive, the longest not below the first");
        }
        if (silenceLimit.compareTo(ComponentStreams.KEEPALIVE) <= 0) {
            throw new IllegalArgumentException("the silence limit must be longer than the proxy's keepalive, "
                    + ComponentStreams.KEEPALIVE.toSeconds() + " s");
        }
    }

    /**
     * Plain TCP, default limits, 10 s to connect and to shake hands, retries from 1 s up to 30 s apart, a proxy silent
     * for 20 s taken for dead.
     */
    public static ComponentClientConfig of(String host, int port, HostResolver resolver, String domain,
                                           ComponentSecret secret) {
        return new ComponentClientConfig(host, port, resolver, domain, secret, Optional.empty(), XmlLimits.DEFAULTS,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(20));
    }

    /** This configuration with TLS, trusting the JDK's CAs and {@code extraCas}. */
    public ComponentClientConfig withTls(List<X509Certificate> extraCas) {
        return new ComponentClientConfig(host, port, resolver, domain, secret, Optional.of(extraCas), limits, connectTimeout,
                handshakeTimeout, minRetry, maxRetry, silenceLimit);
    }

    public ComponentClientConfig withRetry(Duration first, Duration longest) {
        return new ComponentClientConfig(host, port, resolver, domain, secret, tls, limits, connectTimeout, handshakeTimeout,
                first, longest, silenceLimit);
    }

    public ComponentClientConfig withSilenceLimit(Duration limit) {
        return new ComponentClientConfig(host, port, resolver, domain, secret, tls, limits, connectTimeout, handshakeTimeout,
                minRetry, maxRetry, limit);
    }

    /** {@code host:port} as people write it. */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
