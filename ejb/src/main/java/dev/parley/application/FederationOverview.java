package dev.parley.application;

import java.time.Instant;
import java.util.List;

/**
 * What federation is doing right now, for an administrator: whether the engine runs and where,
 * why not when it failed, its open S2S sessions and the remote domains it could not reach lately.
 *
 * @param state          {@code OFF}, {@code RUNNING} or {@code FAILED}
 * @param listening      {@code address:port} of the S2S listener while running, else null
 * @param localDomains   the XMPP domains federating
 * @param problem        why the last change could not be applied; null when it could
 * @param sessions       the open sessions, inbound and outbound
 * @param recentFailures the latest remote domains that could not be reached or refused us, oldest first
 * @param proxyLink      in proxy mode, the link to the proxy; null in direct mode and while federation is off
 */
public record FederationOverview(String state, String listening, List<String> localDomains, String problem,
                                 List<Session> sessions, List<Failure> recentFailures, ProxyLink proxyLink) {

    public FederationOverview {
        localDomains = List.copyOf(localDomains);
        sessions = List.copyOf(sessions);
        recentFailures = List.copyOf(recentFailures);
    }

    /**
     * Proxy mode's link to the proxy.
     *
     * @param endpoint    the proxy's {@code host:port}
     * @param up          whether stanzas flow through it
     * @param since       when it came up or went down
     * @param problem     why it is down, or why it last went down; null if it never failed
     * @param nextAttempt while down, when it is tried again; else null
     * @param waiting     stanzas waiting for the link, or for the proxy to say what became of them
     */
    public record ProxyLink(String endpoint, boolean up, Instant since, String problem, Instant nextAttempt,
                            int waiting) {
    }

    /**
     * One S2S session.
     *
     * @param id              names it while it is open, never another session of the running engine; what
     *                        {@link FederationStatusService#closeSession} takes
     * @param address         the peer's {@code address:port}, null while still resolving
     * @param tls             protocol and cipher suite, null while plaintext
     * @param peerCertificate the certificate the peer presented, in one line: subject, issuer, end of validity and
     *                        what the check said of it ("trusted" or why not); null when it presented none
     */
    public record Session(String id, String direction, List<String> localDomains, List<String> remoteDomains,
                          String address, String authMethod, String state, long stanzasIn, long stanzasOut,
                          Instant openedAt, String tls, String peerCertificate) {

        public Session {
            localDomains = List.copyOf(localDomains);
            remoteDomains = List.copyOf(remoteDomains);
        }
    }

    /** A remote domain that could not be reached or refused us, and why. */
    public record Failure(String domain, Instant at, String reason) {
    }
}
