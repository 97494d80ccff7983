package dev.parley.connector.api;

import dev.parley.xmpp.component.LinkState;
import java.util.Objects;

/**
 * Proxy mode's link as Parley sees it.
 *
 * @param endpoint the proxy's {@code host:port}
 * @param state    up or down, since when, why it is down and when it is tried again
 * @param waiting  stanzas waiting for the link, or for the proxy to say what became of them
 */
public record ProxyLinkStatus(String endpoint, LinkState state, int waiting) {

    public ProxyLinkStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
        if (waiting < 0) {
            throw new IllegalArgumentException("waiting must not be negative, was " + waiting);
        }
    }
}
