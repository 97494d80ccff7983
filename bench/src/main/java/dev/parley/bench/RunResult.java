package dev.parley.bench;

import dev.parley.bench.delivery.DeliverySnapshot;
import dev.parley.bench.load.Pace;
import dev.parley.bench.load.SendResult;

/**
 * One run against one target: what was sent, and what arrived.
 *
 * @param pace     full speed or the fixed rate
 * @param send     the sender's side
 * @param delivery the receiving side, after the run drained or the drain limit passed
 */
public record RunResult(Pace pace, SendResult send, DeliverySnapshot delivery) {

    /** Distinct stanzas per second from the first write to the last arrival. */
    public double deliveredPerSecond() {
        return delivery.delivered() * 1e9 / Math.max(1, delivery.lastArrival() - send.startNanos());
    }

    /** Every stanza sent arrived exactly once and in order. */
    public boolean exactlyOnceInOrder() {
        return delivery.exactlyOnceInOrder(send.sent());
    }

    /** A latency percentile in milliseconds. */
    public double latencyMillis(double percentile) {
        return delivery.latencies().getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMillis() {
        return delivery.latencies().getMaxValue() / 1000.0;
    }
}
