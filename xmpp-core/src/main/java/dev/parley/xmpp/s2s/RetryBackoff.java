package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remote domains whose last session failed to open, and until when stanzas for them are bounced at
 * once with the remembered reason instead of connecting again: a domain that is down is not
 * hammered by every stanza, and senders learn at once. The window starts at
 * {@link SessionHealth#retryAfter()}, doubles with each failure in a row up to
 * {@link SessionHealth#maxRetryAfter()}, and is forgotten when a session opens. A failure long
 * after the last window (more than the maximum) starts again at the first step.
 */
final class RetryBackoff {

    /** Times in bounce texts, in UTC like the rest of the engine's timestamps. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Why a domain is not tried now, and until when. */
    record Refusal(StanzaErrorCondition condition, String reason, Instant retryAt, Duration window) {

        /** The reason with when the next attempt may be, as senders and the administrator read it. */
        String text() {
            return reason + " (retrying after " + TIME.format(retryAt) + ")";
        }
    }

    /** Read at each failure, so that a reconfigured engine's timings apply from its next failure on. */
    private final Supplier<SessionHealth> health;
    private final Clock clock;
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

    RetryBackoff(Supplier<SessionHealth> health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    /** Why stanzas for {@code domain} must bounce now, if its window is still open. */
    Optional<Refusal> refusal(String domain) {
        Refusal refusal = refusals.get(domain);
        return refusal != null && clock.instant().isBefore(refusal.retryAt()) ? Optional.of(refusal) : Optional.empty();
    }

    /** A session to {@code domain} failed to open; returns the window it now has. */
    Refusal failed(String domain, StanzaErrorCondition condition, String reason) {
        Instant now = clock.instant();
        Duration first = health.get().retryAfter();
        Duration max = health.get().maxRetryAfter();
        // Old entries would otherwise stay for every domain that ever failed and never came back.
        refusals.values().removeIf(old -> old.retryAt().plus(max).isBefore(now));
        return refusals.compute(domain, (key, previous) -> {
            Duration window = previous == null ? first : doubled(previous.window(), max);
            return new Refusal(condition, reason, now.plus(window), window);
        });
    }

    /** A session to {@code domain} opened: its next failure starts from the first step again. */
    void succeeded(String domain) {
        refusals.remove(domain);
    }

    private static Duration doubled(Duration window, Duration max) {
        Duration twice = window.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
