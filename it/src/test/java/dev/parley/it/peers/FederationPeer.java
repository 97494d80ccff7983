package dev.parley.it.peers;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * A real XMPP server that federates with the others of a {@link PeerNetwork}, as a child process of the test.
 * Create it, {@link #start()} it, {@link #register} users, log them in with {@link XmppUser}, and close it: closing
 * always stops the process (SIGTERM, then SIGKILL after a bound), so use try-with-resources.
 */
public interface FederationPeer extends AutoCloseable {

    /** The XMPP domain it serves, e.g. {@code prosody.test}. */
    String domain();

    /** Its loopback address, reserved by the network. */
    InetAddress address();

    /** The port on which it accepts S2S: {@link PeerPorts#S2S}, or {@link PeerPorts#S2S_DIRECT_TLS} for direct TLS. */
    int s2sPort();

    /** The port on which it accepts plaintext client logins. */
    int c2sPort();

    /** How it secures S2S. */
    PeerSecurity security();

    /** Its own log, at debug level where the server offers it: the place to look when federation fails. */
    Path log();

    /**
     * Makes it also host {@code component} (XEP-0114) from its {@link #start()} on: the component's S2S streams and
     * its link, both on the component domain's own address, which the network's plan must hold
     * ({@link HostedComponent#plan}).
     */
    void hostComponent(HostedComponent component);

    /** Writes its config, starts the process and returns once its ports accept connections. */
    void start();

    /** Creates an account on the running server. */
    void register(String user, String password);

    /** Stops the process; safe to call when it never started. */
    @Override
    void close();
}
