package dev.parley.connector.ra;

import dev.parley.xmpp.s2s.FederationEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a flood of refused connections from one address out of the audit trail, where it would
 * push the real entries out: per address and minute, the first {@link #PER_WINDOW} refusals pass,
 * the rest are counted, and when the minute is over one summary event says how many were left out.
 * Other events always pass.
 */
final class RefusalThrottle {

    static final int PER_WINDOW = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** More addresses than this in one minute are throttled as one, so that the map stays bounded. */
    static final int ADDRESSES = 10_000;
    private static final String ANY_OTHER = "(other addresses)";

    private final Clock clock;
    private final Map<String, Count> counts = new HashMap<>();
    private Instant windowStart;

    RefusalThrottle(Clock clock) {
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    /**
     * What to record for {@code event}: itself, and first the summaries of the minute that just
     * ended; or only those summaries when the event is one refusal too many.
     */
    synchronized List<FederationEvent> admit(FederationEvent event) {
        List<FederationEvent> out = new ArrayList<>(rollOver());
        if (event.kind() != FederationEvent.Kind.REFUSED) {
            out.add(event);
            return out;
        }
        String address = host(event.remoteAddress());
        String key = counts.size() >= ADDRESSES && !counts.containsKey(address) ? ANY_OTHER : address;
        Count count = counts.computeIfAbsent(key, k -> new Count(event));
        if (++count.seen <= PER_WINDOW) {
            out.add(event);
        }
        return out;
    }

    private List<FederationEvent> rollOver() {
        Instant now = clock.instant();
        if (now.isBefore(windowStart.plus(WINDOW))) {
            return List.of();
        }
        List<FederationEvent> summaries = new ArrayList<>();
        counts.forEach((address, count) -> summary(address, count, now).ifPresent(summaries::add));
        counts.clear();
        windowStart = now;
        return summaries;
    }

    private static Optional<FederationEvent> summary(String address, Count count, Instant now) {
        int leftOut = count.seen - PER_WINDOW;
        if (leftOut <= 0) {
            return Optional.empty();
        }
        FederationEvent first = count.first;
        return Optional.of(new FederationEvent(now, FederationEvent.Kind.REFUSED, first.direction(), first.localDomain(),
                first.remoteDomain(), address, Optional.empty(), Optional.empty(),
                leftOut + " more refusals from " + address + " within a minute were not recorded one by one"));
    }

    /** The address without its port: a flood comes from one host on many ports. */
    private static String host(String remoteAddress) {
        int colon = remoteAddress.lastIndexOf(':');
        return colon > 0 && remoteAddress.indexOf(']') < colon ? remoteAddress.substring(0, colon) : remoteAddress;
    }

    private static final class Count {
        final FederationEvent first;
        int seen;

        Count(FederationEvent first) {
            this.first = first;
        }
    }
}
