package dev.parley.connector.ra;

import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.ListenerConfig;
import java.net.InetAddress;
import java.util.Properties;
import java.util.Set;

/**
 * Where the S2S listener binds, and for which domain: the adapter's configuration, overridden per
 * server by system properties so that an administrator (or a test) can move it without
 * rebuilding the EAR.
 */
record ListenerSettings(InetAddress bindAddress, int port, String xmppDomain) {

    static final String BIND_ADDRESS_PROPERTY = "parley.s2s.bind-address";
    static final String PORT_PROPERTY = "parley.s2s.port";
    static final String DOMAIN_PROPERTY = "parley.xmpp.domain";

    ListenerSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("S2S port must be between 1 and 65535, not " + port);
        }
        if (xmppDomain == null || xmppDomain.isBlank()) {
            throw new IllegalArgumentException("The XMPP domain must not be empty");
        }
    }

    static ListenerSettings resolve(String bindAddress, int port, String xmppDomain, Properties overrides) {
        String address = overrides.getProperty(BIND_ADDRESS_PROPERTY, bindAddress);
        String portText = overrides.getProperty(PORT_PROPERTY, Integer.toString(port));
        String domain = overrides.getProperty(DOMAIN_PROPERTY, xmppDomain);
        return new ListenerSettings(parseAddress(address), parsePort(portText), domain.trim());
    }

    ListenerConfig toListenerConfig() {
        return ListenerConfig.of(bindAddress, port, Set.of(xmppDomain));
    }

    private static InetAddress parseAddress(String text) {
        try {
            return IpAddressLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("S2S bind address: " + e.getMessage(), e);
        }
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("S2S port must be a number, not '" + text + "'", e);
        }
    }
}
