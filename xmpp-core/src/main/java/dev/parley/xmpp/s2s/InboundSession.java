package dev.parley.xmpp.s2s;

import dev.parley.xmpp.tls.TlsDetails;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authentication state of one inbound stream: the (local, remote) domain pairs dialback or SASL
 * EXTERNAL has confirmed (XEP-0220 §4 lets one stream carry several). Changed on the stream's event loop, read by
 * {@link S2sEngine#sessions()} from any thread, hence synchronized.
 */
final class InboundSession {

    private record Pair(String local, String remote) {
    }

    private final Optional<InetSocketAddress> remoteAddress;
    private final Instant openedAt;
    private final Set<Pair> authenticated = new HashSet<>();
    private final AtomicLong stanzasIn = new AtomicLong();
    private boolean closed;
    private AuthMethod firstMethod = AuthMethod.DIALBACK;
    private Optional<TlsDetails> tls = Optional.empty();

    InboundSession(Optional<InetSocketAddress> remoteAddress, Instant openedAt) {
        this.remoteAddress = remoteAddress;
        this.openedAt = openedAt;
    }

    synchronized void authenticate(String local, String remote, AuthMethod method) {
        if (authenticated.isEmpty()) {
            firstMethod = method;
        }
        authenticated.add(new Pair(Domains.canonical(local), Domains.canonical(remote)));
    }

    /** TLS is on; what it is, for the administrator. */
    synchronized void secured(TlsDetails details) {
        tls = Optional.of(details);
    }

    synchronized boolean isAuthenticated() {
        return !authenticated.isEmpty();
    }

    /** Whether {@code remote} has proven it may send to {@code local} on this stream. */
    synchronized boolean allows(String local, String remote) {
        return authenticated.contains(new Pair(Domains.canonical(local), Domains.canonical(remote)));
    }

    /** Whether one of {@code localDomains} (canonical form) is authenticated on this stream. */
    synchronized boolean carriesAny(Set<String> localDomains) {
        return authenticated.stream().anyMatch(pair -> localDomains.contains(pair.local()));
    }

    void delivered() {
        stanzasIn.incrementAndGet();
    }

    synchronized void close() {
        closed = true;
    }

    synchronized SessionInfo info() {
        Set<String> locals = new HashSet<>();
        Set<String> remotes = new HashSet<>();
        for (Pair pair : authenticated) {
            locals.add(pair.local());
            remotes.add(pair.remote());
        }
        SessionState state = closed ? SessionState.CLOSED
                : authenticated.isEmpty() ? SessionState.NEGOTIATING : SessionState.AUTHENTICATED;
        return new SessionInfo(SessionDirection.INBOUND, locals, remotes, remoteAddress, firstMethod, state,
                stanzasIn.get(), 0, openedAt, tls);
    }
}
