package dev.parley.xmpp.s2s;

import dev.parley.xmpp.s2s.FederationEvent.Kind;
import dev.parley.xmpp.tls.TlsDetails;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One inbound stream as the administrator sees it: the (local, remote) domain pairs dialback or SASL EXTERNAL has
 * confirmed (XEP-0220 §4 lets one stream carry several), for {@link S2sEngine#sessions()}, and the
 * {@link FederationEvent}s of its life: each pair authenticated, each refusal, and the end of the stream with the
 * first reason any handler gave for it. Changed on the stream's event loop, read from any thread, hence
 * synchronized; events are emitted outside the lock, so that a host reading {@link S2sEngine#sessions()} from its
 * listener cannot deadlock.
 */
final class InboundSession {

    /** Why a stream ended when no handler said: the peer went away without closing its stream. */
    private static final String CONNECTION_LOST = "the connection was lost";

    private record Pair(String local, String remote) {
    }

    private final String id;
    private final Channel channel;
    private final Optional<InetSocketAddress> remoteAddress;
    private final Instant openedAt;
    private final FederationEvents events;
    /** How each pair was authenticated, in the order they were. */
    private final Map<Pair, AuthMethod> authenticated = new LinkedHashMap<>();
    private final AtomicLong stanzasIn = new AtomicLong();
    private boolean closed;
    private AuthMethod firstMethod = AuthMethod.DIALBACK;
    private Optional<TlsDetails> tls = Optional.empty();
    /** What the stream header claimed, canonical form; empty strings until a header named them. */
    private String headerLocal = "";
    private String headerRemote = "";
    private Optional<String> endReason = Optional.empty();

    /** {@code id} names it for the administrator ({@link SessionInfo#id()}); {@code channel} is its connection. */
    InboundSession(String id, Channel channel, Instant openedAt, FederationEvents events) {
        this.id = id;
        this.channel = channel;
        this.remoteAddress = channel.remoteAddress() instanceof InetSocketAddress address ? Optional.of(address)
                : Optional.empty();
        this.openedAt = openedAt;
        this.events = events;
    }

    String id() {
        return id;
    }

    /** {@code remote} may now send to {@code local} on this stream. */
    void authenticate(String local, String remote, AuthMethod method) {
        Pair pair = new Pair(Domains.canonical(local), Domains.canonical(remote));
        Optional<TlsDetails> encryption;
        synchronized (this) {
            if (authenticated.isEmpty()) {
                firstMethod = method;
            }
            authenticated.put(pair, method);
            encryption = tls;
        }
        events.emit(Kind.STREAM_OPENED, SessionDirection.INBOUND, pair.local(), pair.remote(), remoteAddress,
                Optional.of(method), encryption, pair.remote() + " authenticated for " + pair.local() + " by "
                        + (method == AuthMethod.SASL_EXTERNAL ? "SASL EXTERNAL" : "dialback"));
    }

    /** TLS is on; what it is, for the administrator. */
    synchronized void secured(TlsDetails details) {
        tls = Optional.of(details);
    }

    /** The domains a stream header named: our {@code local} one if we serve it, the {@code remote} one it claims. */
    synchronized void named(Optional<String> local, Optional<String> remote) {
        headerLocal = local.map(Domains::canonical).orElse("");
        headerRemote = remote.map(Domains::canonical).orElse("");
    }

    /** The peer, or its attempt to authenticate by {@code method}, was refused for the domains its header named. */
    void refused(Optional<AuthMethod> method, String detail) {
        String local;
        String remote;
        synchronized (this) {
            local = headerLocal;
            remote = headerRemote;
        }
        refused(local, remote, method, detail);
    }

    /** The peer's attempt to authenticate {@code remote} for {@code local} was refused. */
    void refused(String local, String remote, Optional<AuthMethod> method, String detail) {
        events.emit(Kind.REFUSED, SessionDirection.INBOUND, local, remote, remoteAddress, method, currentTls(), detail);
    }

    /** Why the stream is ending, for its closed events; the first reason given is the one that counts. */
    synchronized void ending(String why) {
        if (endReason.isEmpty()) {
            endReason = Optional.of(why);
        }
    }

    /**
     * Ends the stream with our closing tag and no stream error, as when it is idle: the peer may open a new one
     * whenever it has stanzas to send. {@code why} is what its closed events say. The stage completes once the
     * connection is closed and what that set off has run (this session forgotten, its end reported), since the
     * listeners of a close run in the order they were added and the pipeline's own came first.
     */
    CompletionStage<Void> end(String why) {
        ending(why);
        ServerStreams.close(channel);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        channel.closeFuture().addListener(closed -> ended.complete(null));
        return ended;
    }

    synchronized boolean isAuthenticated() {
        return !authenticated.isEmpty();
    }

    /** Whether {@code remote} has proven it may send to {@code local} on this stream. */
    synchronized boolean allows(String local, String remote) {
        return authenticated.containsKey(new Pair(Domains.canonical(local), Domains.canonical(remote)));
    }

    /** Whether one of {@code localDomains} (canonical form) is authenticated on this stream. */
    synchronized boolean carriesAny(Set<String> localDomains) {
        return authenticated.keySet().stream().anyMatch(pair -> localDomains.contains(pair.local()));
    }

    /** Why {@code policy} refuses one of the remote domains authenticated on this stream, if it refuses one. */
    Optional<String> refusalBy(RemoteDomainPolicy policy) {
        Set<String> remotes = new HashSet<>();
        synchronized (this) {
            authenticated.keySet().forEach(pair -> remotes.add(pair.remote()));
        }
        // The host's policy runs outside the lock, like every call into the host.
        return remotes.stream().map(policy::refusal).flatMap(Optional::stream).findFirst();
    }

    void delivered() {
        stanzasIn.incrementAndGet();
    }

    /** The connection is gone: every authenticated pair is reported closed, with the reason the stream ended. */
    void close() {
        Map<Pair, AuthMethod> ended;
        Optional<TlsDetails> encryption;
        String why;
        synchronized (this) {
            closed = true;
            ended = new LinkedHashMap<>(authenticated);
            encryption = tls;
            why = endReason.orElse(CONNECTION_LOST);
        }
        ended.forEach((pair, method) -> events.emit(Kind.STREAM_CLOSED, SessionDirection.INBOUND, pair.local(),
                pair.remote(), remoteAddress, Optional.of(method), encryption, why));
    }

    private synchronized Optional<TlsDetails> currentTls() {
        return tls;
    }

    synchronized SessionInfo info() {
        Set<String> locals = new HashSet<>();
        Set<String> remotes = new HashSet<>();
        for (Pair pair : authenticated.keySet()) {
            locals.add(pair.local());
            remotes.add(pair.remote());
        }
        SessionState state = closed ? SessionState.CLOSED
                : authenticated.isEmpty() ? SessionState.NEGOTIATING : SessionState.AUTHENTICATED;
        return new SessionInfo(id, SessionDirection.INBOUND, locals, remotes, remoteAddress, firstMethod, state,
                stanzasIn.get(), 0, openedAt, tls);
    }
}
