package dev.parley.connector.api;

import dev.parley.xmpp.component.ComponentSecret;
import java.util.Objects;

/**
 * Proxy mode's link: where the Parley XMPP Proxy (or a stock XMPP server hosting Parley's domain as a component)
 * listens for Parley, and the password they share (XEP-0114).
 *
 * @param host   the proxy's host name or IP address
 * @param port   its component port
 * @param secret the shared password, never shown
 * @param tls    whether the link runs inside TLS, the proxy's certificate checked against the trusted CAs (the JDK's
 *               and the settings' own) and for the name {@code host}
 */
public record ProxyLinkSettings(String host, int port, ComponentSecret secret, boolean tls) {

    public ProxyLinkSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(secret, "secret");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the proxy port must be within 1..65535, was " + port);
        }
    }
}
