package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.PingOutcome;
import dev.parley.xmpp.s2s.S2sEngine;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.stanza.StanzaError;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The authentication and ping steps, through the running engine: an XEP-0199 ping over the engine's outbound session
 * to the domain, opened as for any stanza (remote domain policy, back-off, TLS, SASL EXTERNAL or dialback), which
 * tells how the session authenticated us and whether the server answers.
 */
final class SessionProbe {

    /** What the engine's own timeout may lag behind. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /** Less than this left of the run is no time to open a session in. */
    private static final Duration TOO_LITTLE = Duration.ofMillis(100);

    private final String localDomain;
    private final Duration timeout;
    private final Deadline deadline;
    private final ProbeLog log;

    SessionProbe(ProbeSettings settings, Deadline deadline, ProbeLog log) {
        this.localDomain = settings.localDomain();
        this.timeout = settings.timeouts().ping();
        this.deadline = deadline;
        this.log = log;
    }

    void run(String domain, S2sEngine engine) throws InterruptedException {
        if (engine.config().serves(domain)) {
            log.notTried(domain + " is served by this server itself");
            return;
        }
        Deadline.Limit limit = deadline.limit(timeout);
        if (limit.duration().compareTo(TOO_LITTLE) < 0) {
            String detail = "the probe's " + Texts.duration(deadline.total()) + " ran out before a session was tried";
            log.fail(Kind.AUTHENTICATION, Duration.ZERO, detail, new Stop(Conclusion.UNKNOWN, detail,
                    "skipped: no time left"));
            return;
        }
        Optional<SessionInfo> open = openSession(engine, domain);
        long start = System.nanoTime();
        CompletableFuture<PingOutcome> ping;
        try {
            ping = engine.ping(localDomain, domain, limit.duration()).toCompletableFuture();
        } catch (IllegalStateException closed) {
            log.notTried("federation is switched off");
            return;
        } catch (IllegalArgumentException notServed) {
            log.notTried(notServed.getMessage());
            return;
        }
        PingOutcome outcome;
        try {
            outcome = ping.get(limit.duration().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The engine completes every ping within its timeout; should it ever not, the step says so.
            String detail = "the engine gave no outcome " + limit.describe();
            log.fail(Kind.AUTHENTICATION, Deadline.since(start), detail,
                    new Stop(Conclusion.UNKNOWN, detail, "skipped: no session"));
            return;
        }
        if (outcome instanceof PingOutcome.NotSent notSent) {
            log.fail(Kind.AUTHENTICATION, Deadline.since(start), notSent.condition().elementName() + ": "
                    + notSent.text(), new Stop(Conclusion.NOT_FEDERATING, notSent.text(),
                    "skipped: no authenticated session"));
        } else if (outcome instanceof PingOutcome.Unanswered unanswered) {
            String how = authenticated(domain, open, unanswered.authMethod(), unanswered.sessionReady());
            log.fail(Kind.PING, unanswered.waited(), domain + " did not answer the ping " + limit.describe(),
                    new Stop(Conclusion.NOT_FEDERATING, "authenticated by " + how + ", but no answer to the ping "
                            + limit.describe(), "skipped"));
        } else if (outcome instanceof PingOutcome.Answered answered) {
            authenticated(domain, open, answered.authMethod(), answered.sessionReady());
            String in = " in " + Texts.duration(answered.roundTrip());
            if (answered.error().isEmpty()) {
                log.add(Kind.PING, Outcome.PASSED, answered.roundTrip(), domain + " answered" + in);
                log.pinged("ping answered" + in);
            } else {
                String error = describe(answered.error().get());
                log.add(Kind.PING, Outcome.PASSED, answered.roundTrip(), domain + " answered with the error " + error
                        + in + ": an error reply still proves the server alive");
                log.pinged("ping answered with an error (" + answered.error().get().condition().elementName() + ")"
                        + in + ", which still proves the server alive");
            }
        }
    }

    /** The authenticated outbound session from our domain to {@code domain} open before the ping, if any. */
    private Optional<SessionInfo> openSession(S2sEngine engine, String domain) {
        return engine.sessions().stream()
                .filter(session -> session.direction() == SessionDirection.OUTBOUND
                        && session.state() == SessionState.AUTHENTICATED && session.peerDomains().contains(domain)
                        && session.localDomains().contains(localDomain))
                .findFirst();
    }

    /** Records the authentication step; returns how, in words: "dialback". */
    private String authenticated(String domain, Optional<SessionInfo> open, AuthMethod method, Duration ready) {
        String how = method == AuthMethod.SASL_EXTERNAL ? "SASL EXTERNAL" : "dialback";
        log.authenticated(how);
        log.add(Kind.AUTHENTICATION, Outcome.PASSED, ready, open
                .map(session -> domain + " had accepted " + localDomain + " by " + how + " on the open session "
                        + session.id())
                .orElse(domain + " accepted " + localDomain + " by " + how + " on a session opened for the ping"));
        return how;
    }

    private static String describe(StanzaError error) {
        return error.condition().elementName() + error.text().map(text -> " (" + text + ")").orElse("");
    }
}
