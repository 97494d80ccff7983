package dev.parley.xmpp.s2s;

import dev.parley.xmpp.tls.TlsDetails;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one S2S stream for the administrator. One stream may carry several domain pairs
 * (XEP-0220 §4, piggy-backing), hence sets of domains.
 *
 * @param id            names the stream for as long as it lives, never another stream of the same engine; what
 *                      {@link S2sEngine#closeSession} takes
 * @param direction     who opened the stream
 * @param localDomains  our domains authenticated on it (inbound: those the peer may address;
 *                      outbound: those we may send from)
 * @param peerDomains   the remote domains on it (inbound: authenticated senders; outbound: the one we send to)
 * @param remoteAddress the peer's address, empty while still resolving
 * @param authMethod    how the peer proved its domain
 * @param state         where the session stands
 * @param stanzasIn     stanzas received and delivered
 * @param stanzasOut    stanzas sent
 * @param openedAt      when the connection was accepted or the session was asked for
 * @param tls           the stream's encryption and the peer's certificate, empty while it is plaintext
 */
public record SessionInfo(String id, SessionDirection direction, Set<String> localDomains, Set<String> peerDomains,
                          Optional<InetSocketAddress> remoteAddress, AuthMethod authMethod, SessionState state,
                          long stanzasIn, long stanzasOut, Instant openedAt,
                          Optional<TlsDetails> tls) {

    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        localDomains = Set.copyOf(localDomains);
        peerDomains = Set.copyOf(peerDomains);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(tls, "tls");
    }
}
