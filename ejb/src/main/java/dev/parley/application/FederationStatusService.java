package dev.parley.application;

import dev.parley.xmpp.diagnostics.ProbeReport;

/** Shows what the running S2S engine is doing, and lets an administrator close one of its sessions. */
public interface FederationStatusService {

    FederationOverview overview();

    /**
     * Closes one open S2S session gracefully: its stream ends without a stream error, and the peer (or Parley, for an
     * outbound session) opens a new one when there are stanzas to send. What an outbound session had accepted is
     * written first; stanzas still waiting for it to open go back to their senders with {@code remote-server-timeout},
     * which the outbound retry window retries. Records in the audit trail who closed which session (its direction,
     * domains and peer address). Returns once the overview no longer lists it.
     *
     * @param id  the session's {@link FederationOverview.Session#id()}
     * @param who the administrator closing it, recorded with it
     * @throws SessionNotFoundException when no open session has that id: it has ended, never existed, or federation
     *                                  is off
     */
    void closeSession(String id, String who) throws SessionNotFoundException;

    /**
     * Tests federation with a remote domain step by step (DNS, TCP, stream, TLS and the peer's certificate, then
     * authentication and a ping while federation runs), for an administrator's diagnosis; takes up to about 20 s.
     * What the test finds, an invalid domain included, is in the report, never thrown.
     */
    ProbeReport testFederation(String domain);
}
