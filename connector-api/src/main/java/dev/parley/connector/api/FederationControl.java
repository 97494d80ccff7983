package dev.parley.connector.api;

import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.diagnostics.ProbeReport;
import java.util.List;

/**
 * The resource adapter's administered object, bound in JNDI as {@value #JNDI_NAME}: applies
 * the settings stored by the application to the running engine, and shows what it is doing.
 */
public interface FederationControl {

    String JNDI_NAME = "java:/parley/FederationControl";

    /**
     * Makes the engine run as {@code settings} say, without a redeploy: switched off, its streams
     * are closed gracefully and its port freed; switched on, it listens again; a new address or
     * port rebinds the listener; TLS and authorization changes apply to new streams at once (and
     * streams with a domain no longer authorized are closed).
     *
     * @throws FederationSettingsException when the settings cannot take effect (the listener cannot
     *                                     bind, say); the engine then keeps running as before, or
     *                                     stays off, and {@link #status()} tells why
     */
    void apply(FederationRuntimeSettings settings) throws FederationSettingsException;

    FederationStatus status();

    /** The open S2S sessions, inbound and outbound. */
    List<SessionInfo> sessions();

    /**
     * Closes one S2S session at an administrator's request: its stream ends gracefully, without a stream error, and
     * the peer (or this server, for an outbound session) may open a new one when there are stanzas to send. What an
     * outbound session had accepted for authenticated domains is written before it closes; stanzas still waiting for
     * it to open bounce with {@code remote-server-timeout}, which their senders may retry. Returns once
     * {@link #sessions()} no longer lists it (at most a few seconds).
     *
     * @param id the session's {@link SessionInfo#id()}
     * @return whether such a session was open; false for an unknown id, and while the engine is off
     */
    boolean closeSession(String id);

    /** The latest remote domains that could not be reached or refused us, oldest first. */
    List<ConnectionFailure> recentFailures();

    /**
     * Tests federation with a remote domain step by step, as an administrator's diagnosis: DNS, TCP, the stream and its
     * TLS with the peer's certificate judged by the policy that would apply, then, while the engine runs, authentication
     * and a ping through it. Blocks the caller up to about 20 s; never throws for what the test finds (an invalid
     * domain is a report without steps).
     */
    ProbeReport testFederation(String domain);
}
