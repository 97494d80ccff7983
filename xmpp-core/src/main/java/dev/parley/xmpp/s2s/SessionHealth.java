package dev.parley.xmpp.s2s;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine keeps its sessions healthy: closing streams nobody uses, noticing dead peers,
 * not hammering domains that cannot be reached, racing a host's addresses, and shutting down
 * without losing what is about to be sent.
 *
 * @param idleTimeout            a stream (either direction) with no stanza for this long is closed
 *                               with {@code </stream:stream>}; the next stanza opens a new one.
 *                               XEP-0199 pings do not count as use
 * @param pingInterval           an outbound stream on which nothing arrived for this long is pinged
 *                               (XEP-0199); shorter than {@code idleTimeout}
 * @param pingTimeout            how long the answer to a ping may take before the stream is taken
 *                               for dead and closed
 * @param retryAfter             after a session to a domain failed to open, how long further stanzas
 *                               for it are bounced at once instead of connecting again; doubles with
 *                               each failure in a row
 * @param maxRetryAfter          the most that doubling may reach
 * @param connectionAttemptDelay how long one address of a host may take to connect before the next
 *                               is tried alongside it (RFC 8305 "Connection Attempt Delay")
 * @param drainTimeout           how long {@link S2sEngine#close()} lets authenticated sessions write
 *                               what waits in them before bouncing the rest
 */
public record SessionHealth(Duration idleTimeout, Duration pingInterval, Duration pingTimeout, Duration retryAfter,
                            Duration maxRetryAfter, Duration connectionAttemptDelay, Duration drainTimeout) {

    /**
     * Ten minutes idle as Prosody and ejabberd do; a ping after five quiet minutes, which keeps NAT
     * and firewall state alive too; RFC 8305's recommended 250 ms between connection attempts.
     */
    public static final SessionHealth DEFAULTS = new SessionHealth(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMillis(250),
            Duration.ofSeconds(2));

    public SessionHealth {
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pingTimeout, "pingTimeout");
        requirePositive(retryAfter, "retryAfter");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        requirePositive(connectionAttemptDelay, "connectionAttemptDelay");
        requirePositive(drainTimeout, "drainTimeout");
        if (pingInterval.compareTo(idleTimeout) >= 0) {
            // A ping interval at or beyond the idle timeout would never ping a stream that is in use.
            throw new IllegalArgumentException("pingInterval (" + pingInterval + ") must be shorter than idleTimeout ("
                    + idleTimeout + ")");
        }
        if (retryAfter.compareTo(maxRetryAfter) > 0) {
            throw new IllegalArgumentException("retryAfter (" + retryAfter + ") must not exceed maxRetryAfter ("
                    + maxRetryAfter + ")");
        }
    }

    public SessionHealth withIdleTimeout(Duration idle) {
        return new SessionHealth(idle, pingInterval, pingTimeout, retryAfter, maxRetryAfter, connectionAttemptDelay,
                drainTimeout);
    }

    public SessionHealth withPing(Duration interval, Duration timeout) {
        return new SessionHealth(idleTimeout, interval, timeout, retryAfter, maxRetryAfter, connectionAttemptDelay,
                drainTimeout);
    }

    public SessionHealth withRetryAfter(Duration first, Duration max) {
        return new SessionHealth(idleTimeout, pingInterval, pingTimeout, first, max, connectionAttemptDelay,
                drainTimeout);
    }

    public SessionHealth withConnectionAttemptDelay(Duration delay) {
        return new SessionHealth(idleTimeout, pingInterval, pingTimeout, retryAfter, maxRetryAfter, delay, drainTimeout);
    }

    public SessionHealth withDrainTimeout(Duration drain) {
        return new SessionHealth(idleTimeout, pingInterval, pingTimeout, retryAfter, maxRetryAfter,
                connectionAttemptDelay, drain);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
