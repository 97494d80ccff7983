package dev.parley.it.peers;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every peer that runs as a child process has: its domain on the run's network, its security mode, the test
 * CA, a folder of its own under the run, the ports it listens on, the component it may host, and the process once
 * started. Subclasses know how to configure, start and register users on their server.
 */
public abstract class ProcessPeer implements FederationPeer {

    protected final PeerNetwork network;
    protected final String domain;
    protected final PeerSecurity security;
    protected final TestCa ca;
    protected final Path dir;
    protected ChildProcess process;

    private final String product;
    private final ListeningPorts ports;
    private Optional<HostedComponent> component = Optional.empty();

    ProcessPeer(String product, PeerNetwork network, String domain, PeerSecurity security, TestCa ca) {
        this(product, network, domain, security, ca, ListeningPorts.standard(security));
    }

    ProcessPeer(String product, PeerNetwork network, String domain, PeerSecurity security, TestCa ca,
                ListeningPorts ports) {
        this.product = product;
        this.ports = ports;
        this.network = network;
        this.domain = domain;
        this.security = security;
        this.ca = ca;
        this.dir = network.runDir().resolve(domain);
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public InetAddress address() {
        return network.address(domain);
    }

    @Override
    public int s2sPort() {
        return ports.s2s();
    }

    @Override
    public int c2sPort() {
        return ports.c2s();
    }

    @Override
    public PeerSecurity security() {
        return security;
    }

    @Override
    public void hostComponent(HostedComponent hosted) {
        component = Optional.of(hosted);
    }

    /** The component it hosts besides its own domain, if any. */
    protected Optional<HostedComponent> hostedComponent() {
        return component;
    }

    /** The hosted component's own address as configs write it: the peer listens there for its S2S and its link. */
    protected String componentAddress() {
        return network.address(component.orElseThrow().domain()).getHostAddress();
    }

    /** Returns once {@code ports} on the peer's address, and a hosted component's on its own, accept connections. */
    protected void awaitListening(Duration timeout, int... ports) {
        process.awaitListening(address(), timeout, ports);
        component.ifPresent(hosted -> process.awaitListening(network.address(hosted.domain()), timeout, s2sPort(),
                HostedComponent.PORT));
    }

    /** Hangs the running server (SIGSTOP): it takes connections and bytes but reads and answers nothing. */
    public void freeze() {
        process.freeze();
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() {
        process.thaw();
    }

    /** Kills the running server at once (SIGKILL), frozen or not; {@link #start()} runs it again on the same data. */
    public void killAbruptly() {
        process.killAbruptly();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return product + " " + domain + " at " + address().getHostAddress() + " (" + security + ")";
    }
}
