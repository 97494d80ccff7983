package dev.parley.xmpp.s2s;

import java.util.Optional;

/**
 * The host's say on which remote domains this server federates with, consulted before the engine sends to a remote
 * domain and whenever a remote server authenticates one (dialback {@code db:result}, SASL EXTERNAL). Called on the
 * host's sending threads and on the engine's I/O threads, so it must answer from memory, without blocking.
 */
@FunctionalInterface
public interface RemoteDomainPolicy {

    /**
     * Why federation with {@code remoteDomain} is not allowed, in words for the remote server's administrator and the
     * local sender (e.g. "federation with evil.example is not authorized on this server"); empty when it is allowed.
     *
     * @param remoteDomain the domain in canonical form: lower-case A-labels, no trailing dot
     */
    Optional<String> refusal(String remoteDomain);

    /** Federation with every domain, the default. */
    static RemoteDomainPolicy permitAll() {
        return remoteDomain -> Optional.empty();
    }
}
