package dev.parley.connector.ra;

import dev.parley.xmpp.dns.ResolverConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the engine needs from this server rather than from the database: the XMPP domain it serves
 * and the DNS servers it asks. The adapter's configuration gives the defaults; the system
 * properties {@value #DOMAIN_PROPERTY} and {@value #DNS_PROPERTY} override them per server, and
 * are read again on every apply so that an administrator can change them at runtime with the
 * management CLI.
 *
 * @param xmppDomain the local XMPP domain
 * @param dns        the resolvers; the system's (resolv.conf) when none are configured
 */
record ServerSettings(String xmppDomain, ResolverConfig dns) {

    static final String DOMAIN_PROPERTY = "parley.xmpp.domain";
    static final String DNS_PROPERTY = "parley.dns.servers";

    ServerSettings {
        if (xmppDomain == null || xmppDomain.isBlank()) {
            throw new IllegalArgumentException("The XMPP domain must not be empty");
        }
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
        return new ServerSettings(domain == null ? null : domain.trim(), dns);
    }
}
