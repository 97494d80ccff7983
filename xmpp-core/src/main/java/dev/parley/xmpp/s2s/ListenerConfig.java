package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlLimits;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the inbound S2S listener runs.
 *
 * @param bindAddress   the local address to listen on
 * @param port          the TCP port, 0 for any free one (tests), 5269 in production
 * @param localDomains  the XMPP domains this server serves; a stream addressed to any other is
 *                      refused with {@code host-unknown}. Stored lower-cased, since domain names
 *                      compare case-insensitively
 * @param limits        what a peer may send
 * @param inbound       what a connection may cost before its peer authenticates: deadlines, connection caps
 */
public record ListenerConfig(InetAddress bindAddress, int port, Set<String> localDomains, XmlLimits limits,
                             InboundLimits inbound) {

    /** The IANA-registered port for XMPP server-to-server streams. */
    public static final int DEFAULT_PORT = 5269;
    public ListenerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(localDomains, "localDomains");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(inbound, "inbound");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (localDomains.isEmpty()) {
            throw new IllegalArgumentException("at least one local domain is needed to accept streams");
        }
        localDomains = localDomains.stream().map(Domains::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** A configuration with the default limits. */
    public static ListenerConfig of(InetAddress bindAddress, int port, Set<String> localDomains) {
        return new ListenerConfig(bindAddress, port, localDomains, XmlLimits.DEFAULTS, InboundLimits.DEFAULTS);
    }

    /** Whether {@code domain} is one of the local domains, compared in canonical form (case, IDN labels, dot). */
    public boolean serves(String domain) {
        return localDomains.contains(Domains.canonical(domain));
    }
}
