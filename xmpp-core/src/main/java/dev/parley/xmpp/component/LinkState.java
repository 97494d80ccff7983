package dev.parley.xmpp.component;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a component link as its component sees it.
 *
 * @param up             whether the link is authenticated and carries stanzas
 * @param since          when it came up or went down
 * @param problem        why it is down (the last failure), or why it last went down; empty while it never failed
 * @param failedAttempts attempts that failed in a row since it was last up
 * @param nextAttempt    when the next attempt starts, while down and not closed
 */
public record LinkState(boolean up, Instant since, Optional<String> problem, int failedAttempts,
                        Optional<Instant> nextAttempt) {

    public LinkState {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }

    static LinkState connecting(Instant now) {
        return new LinkState(false, now, Optional.empty(), 0, Optional.empty());
    }
}
