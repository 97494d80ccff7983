package dev.parley.connector.ra;

import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.InboundLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What the engine needs from this server rather than from the database: the XMPP domain it serves, the DNS servers
 * it asks, and the inbound connection caps. The adapter's configuration gives the defaults of the first two; the
 * system properties {@value #DOMAIN_PROPERTY}, {@value #DNS_PROPERTY} and {@value #CONNECTIONS_PER_ADDRESS_PROPERTY}
 * override them per server, and are read again on every apply so that an administrator can change them at runtime
 * with the management CLI.
 *
 * @param xmppDomain the local XMPP domain
 * @param dns        the resolvers; the system's (resolv.conf) when none are configured
 * @param inbound    deadlines and connection caps for inbound connections before they authenticate
 */
record ServerSettings(String xmppDomain, ResolverConfig dns, InboundLimits inbound) {

    static final String DOMAIN_PROPERTY = "parley.xmpp.domain";
    static final String DNS_PROPERTY = "parley.dns.servers";
    /** For peers that run many domains behind one address, a large hosting provider say. */
    static final String CONNECTIONS_PER_ADDRESS_PROPERTY = "parley.s2s.connections-per-address";

    ServerSettings {
        if (xmppDomain == null || xmppDomain.isBlank()) {
            throw new IllegalArgumentException("The XMPP domain must not be empty");
        }
        Objects.requireNonNull(inbound, "inbound");
    }

    /**
     * @param dnsServers comma-separated {@code address[:port]} entries; blank for the system's servers
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static ServerSettings resolve(String xmppDomain, String dnsServers, Properties overrides) {
        String domain = overrides.getProperty(DOMAIN_PROPERTY, xmppDomain);
        String servers = overrides.getProperty(DNS_PROPERTY, dnsServers == null ? "" : dnsServers);
        List<String> entries = Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        ResolverConfig dns;
        try {
            dns = ResolverConfig.parse(entries, ResolverConfig.DEFAULT_TIMEOUT, ResolverConfig.DEFAULT_RETRIES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DNS servers (" + DNS_PROPERTY + "): " + e.getMessage(), e);
        }
        return new ServerSettings(domain == null ? null : domain.trim(), dns, inboundLimits(overrides));
    }

    private static InboundLimits inboundLimits(Properties overrides) {
        String perAddress = overrides.getProperty(CONNECTIONS_PER_ADDRESS_PROPERTY);
        if (perAddress == null || perAddress.isBlank()) {
            return InboundLimits.DEFAULTS;
        }
        try {
            return InboundLimits.DEFAULTS.withConnectionsPerAddress(Integer.parseInt(perAddress.trim()));
        } catch (IllegalArgumentException notANumberOrOutOfRange) {
            throw new IllegalArgumentException("Inbound connections per address (" + CONNECTIONS_PER_ADDRESS_PROPERTY
                    + "): a whole number from 1 to " + InboundLimits.MOST_CONNECTIONS_PER_ADDRESS + " is needed, not '"
                    + perAddress + "'", notANumberOrOutOfRange);
        }
    }
}
