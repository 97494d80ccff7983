package dev.parley.xmpp.diagnostics;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step of a {@link FederationProbe} run may take, and the whole run. A step gets its own limit or what
 * is left of the run's, whichever is less, so that a host calling from a request thread knows when it has an answer.
 *
 * @param dns      the SRV lookups, and then the address lookups of all targets together
 * @param connect  the TCP connections, made to all addresses at once
 * @param exchange each exchange on the probe's stream: header and features, STARTTLS and the handshake, the restart
 * @param ping     the engine's session (opened if needed) and the ping's answer
 * @param total    the whole run; closing its connection may add a moment
 */
public record ProbeTimeouts(Duration dns, Duration connect, Duration exchange, Duration ping, Duration total) {

    /** Patient enough for a server across the world, yet an answer within 20 s. */
    public static final ProbeTimeouts DEFAULTS = new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    public ProbeTimeouts {
        requirePositive(dns, "dns");
        requirePositive(connect, "connect");
        requirePositive(exchange, "exchange");
        requirePositive(ping, "ping");
        requirePositive(total, "total");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
