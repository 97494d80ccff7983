package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One XEP-0199 ping of a remote server that an administrator asked for ({@link S2sEngine#ping}): sent as an ordinary
 * stanza over the outbound session, so that it goes the way real stanzas go (remote domain policy, back-off, session
 * opening, TLS and authentication), and answered through {@link ServerPings} like the keepalive's, on whichever stream
 * the answer comes. Its answer never reaches the host.
 *
 * <p>The timeout runs on the JDK's delayed executor rather than the engine's event loops, so that the outcome
 * completes even when the engine closes meanwhile.
 */
final class RequestedPing {

    private final String localDomain;
    private final String remoteDomain;
    private final Duration timeout;
    private final ServerPings pings;
    private final CompletableFuture<PingOutcome> outcome = new CompletableFuture<>();
    private final long requestedAt = System.nanoTime();
    private final String id;
    /** How the writing session authenticated our domain, told by the link that writes the ping. */
    private final CompletableFuture<AuthMethod> carrier = new CompletableFuture<>();
    /** Completes once the ping is written. */
    private final CompletableFuture<Sent> written = carrier.thenApply(method -> new Sent(System.nanoTime(), method));

    /** When the ping was written ({@link System#nanoTime()}) and how the session authenticated our domain. */
    private record Sent(long at, AuthMethod authMethod) {
    }

    /** Registers the ping with {@code pings}; the caller sends {@link #stanza()} and must call {@link #start()}. */
    RequestedPing(String localDomain, String remoteDomain, Duration timeout, ServerPings pings) {
        this.localDomain = localDomain;
        this.remoteDomain = remoteDomain;
        this.timeout = timeout;
        this.pings = pings;
        this.id = pings.register(localDomain, remoteDomain, this::answered);
    }

    /** The ping as it is queued, telling this ping when it is written or bounced. */
    Outgoing stanza() {
        CompletableFuture<Delivery> fate = new CompletableFuture<>();
        fate.thenAccept(delivery -> {
            if (delivery instanceof Delivery.Bounced bounced) {
                finish(new PingOutcome.NotSent(bounced.condition(), bounced.text()));
            }
        });
        return Outgoing.carried(ServerPings.request(localDomain, remoteDomain, id), fate, carrier);
    }

    /** Starts the timeout; returns the outcome, which always completes within it. */
    CompletableFuture<PingOutcome> start() {
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(this::timedOut);
        return outcome;
    }

    /** The ping could not be queued at all; nobody will answer it. */
    void withdraw() {
        pings.abandon(id);
    }

    private void answered(XmlElement answer) {
        long now = System.nanoTime();
        Optional<StanzaError> error = answer.attribute("type").filter("error"::equals)
                .map(type -> StanzaError.in(answer).map(RequestedPing::bounded)
                        .orElse(StanzaError.of(StanzaErrorCondition.UNDEFINED_CONDITION, "an error without details")));
        // The news of the write comes long before any answer can; should an answer ever overtake it, it waits here.
        written.thenAccept(sent -> finish(new PingOutcome.Answered(sent.authMethod(), since(requestedAt, sent.at()),
                since(sent.at(), now), error)));
    }

    private void timedOut() {
        Sent sent = written.getNow(null);
        if (sent == null) {
            finish(new PingOutcome.NotSent(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "no session to " + remoteDomain
                    + " was ready to carry the ping within " + seconds(timeout)));
        } else {
            finish(new PingOutcome.Unanswered(sent.authMethod(), since(requestedAt, sent.at()),
                    since(sent.at(), System.nanoTime())));
        }
    }

    /**
     * The first outcome stands. Whatever else happens to the ping later (written after its timeout, then answered)
     * is dropped by {@link ServerPings}, which still recognises its answer.
     */
    private void finish(PingOutcome result) {
        if (outcome.complete(result)) {
            pings.abandon(id);
        }
    }

    /** The peer's text, bounded like every text a peer gives the administrator. */
    private static StanzaError bounded(StanzaError error) {
        return new StanzaError(error.type(), error.condition(),
                error.text().map(text -> AuditTexts.cut(text, AuditTexts.DETAIL)));
    }

    private static Duration since(long from, long to) {
        return Duration.ofNanos(Math.max(0, to - from));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
