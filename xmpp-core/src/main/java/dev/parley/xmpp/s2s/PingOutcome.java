package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaError;
import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of an XEP-0199 ping of a remote server asked for with {@link S2sEngine#ping}. */
public sealed interface PingOutcome {

    /**
     * The remote server answered. An {@code error} reply (e.g. {@code service-unavailable} from a server that does not
     * implement XEP-0199) proves it alive as well as a {@code result}: it received the ping and answered over a
     * stream of its own or ours.
     *
     * @param authMethod   how the session that carried the ping authenticated our domain
     * @param sessionReady how long after the request the ping was written: the time the session took to open, or
     *                     next to nothing on a session that was open already
     * @param roundTrip    from the ping's write to the answer's arrival
     * @param error        the error the server answered with; empty for a {@code result}
     */
    record Answered(AuthMethod authMethod, Duration sessionReady, Duration roundTrip, Optional<StanzaError> error)
            implements PingOutcome {

        public Answered {
            Objects.requireNonNull(authMethod, "authMethod");
            Objects.requireNonNull(sessionReady, "sessionReady");
            Objects.requireNonNull(roundTrip, "roundTrip");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The ping went out over an authenticated session and no answer came within the timeout. A late answer is still
     * taken for the ping's and never reaches the {@link StanzaListener}.
     *
     * @param authMethod   how the session that carried the ping authenticated our domain
     * @param sessionReady as for {@link Answered}
     * @param waited       from the ping's write to the end of the timeout
     */
    record Unanswered(AuthMethod authMethod, Duration sessionReady, Duration waited) implements PingOutcome {

        public Unanswered {
            Objects.requireNonNull(authMethod, "authMethod");
            Objects.requireNonNull(sessionReady, "sessionReady");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /**
     * The ping was not sent: it bounced as any stanza to the remote domain would have (the {@link RemoteDomainPolicy}
     * refuses the domain, it is not retried yet after a failure, its session failed to open: DNS, connection, TLS
     * policy, authentication), or its session was not up within the timeout ({@code remote-server-timeout}).
     *
     * @param condition why, as the stanza error condition its bounce would have
     * @param text      what happened, in words a person understands
     */
    record NotSent(StanzaErrorCondition condition, String text) implements PingOutcome {

        public NotSent {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
