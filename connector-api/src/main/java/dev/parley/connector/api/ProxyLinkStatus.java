package dev.parley.connector.api;

import dev.parley.xmpp.component.LinkState;
import java.util.Objects;

/**
 * Proxy mode's link as Parley sees it.
 *
 * @param endpoint the proxy's {@code host:port}
 * @param state    up or down, since when, why it is down and when it is tried again
 */
public record ProxyLinkStatus(String endpoint, LinkState state) {

    public ProxyLinkStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
    }
}
