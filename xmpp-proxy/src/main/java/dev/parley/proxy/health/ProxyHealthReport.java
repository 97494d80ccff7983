package dev.parley.proxy.health;

import java.util.Objects;
import java.util.Optional;

/**
 * The proxy's state at one moment, as the health endpoint reports it.
 *
 * @param linkUp           whether Parley's link (the XEP-0114 component stream) is connected and authenticated
 * @param linkProblem      why the link is down, when known
 * @param inboundSessions  S2S sessions remote servers opened to this proxy
 * @param outboundSessions S2S sessions this proxy opened to remote servers
 * @param s2sListening     whether the S2S listener accepts connections
 */
public record ProxyHealthReport(boolean linkUp, Optional<String> linkProblem, int inboundSessions,
                                int outboundSessions, boolean s2sListening) {

    public ProxyHealthReport {
        Objects.requireNonNull(linkProblem, "linkProblem");
        if (inboundSessions < 0 || outboundSessions < 0) {
            throw new IllegalArgumentException("session counts cannot be negative: " + inboundSessions + ", "
                    + outboundSessions);
        }
    }

    /**
     * Whether the proxy itself works, which is whether it listens for S2S. The link being down does not count: it
     * is Parley that connects it, so restarting the proxy (what a service manager does with an unhealthy one) would
     * not bring it back and would cut every S2S session; it is reported for monitoring instead.
     */
    public boolean healthy() {
        return s2sListening;
    }
}
