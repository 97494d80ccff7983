package dev.parley.xmpp.component;

import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import java.util.List;

/**
 * The S2S sessions a Parley XMPP Proxy holds and the remote domains it could not reach lately, as it reports them.
 *
 * @param sessions its open sessions, inbound and outbound
 * @param failures its latest connection failures, oldest first
 */
public record ProxyStatus(List<SessionInfo> sessions, List<ConnectionFailure> failures) {

    public ProxyStatus {
        sessions = List.copyOf(sessions);
        failures = List.copyOf(failures);
    }

    /** Nothing reported (yet). */
    public static ProxyStatus none() {
        return new ProxyStatus(List.of(), List.of());
    }
}
