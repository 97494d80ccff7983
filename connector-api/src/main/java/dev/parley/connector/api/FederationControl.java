package dev.parley.connector.api;

import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.SessionInfo;
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

    /** The latest remote domains that could not be reached or refused us, oldest first. */
    List<ConnectionFailure> recentFailures();
}
