package dev.parley.connector.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine is doing.
 *
 * @param state        off, running, or failed to start
 * @param listening    where the S2S listener is bound while running
 * @param localDomains the XMPP domains this server federates for
 * @param problem      why the last {@link FederationControl#apply} failed; empty when it succeeded
 * @param proxyLink    in proxy mode, the link to the proxy; empty in direct mode and while federation is off
 */
public record FederationStatus(State state, Optional<InetSocketAddress> listening, Set<String> localDomains,
                               Optional<String> problem, Optional<ProxyLinkStatus> proxyLink) {

    public enum State { OFF, RUNNING, FAILED }

    public FederationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(listening, "listening");
        localDomains = Set.copyOf(localDomains);
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(proxyLink, "proxyLink");
    }
}
